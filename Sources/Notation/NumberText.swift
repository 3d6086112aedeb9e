import Foundation

/// Numbers as pages show them: 4 significant digits, so that a page does not
/// change when a result moves in its last bits, and the same text on every machine.
///
/// Plain notation between 10⁻⁴ and 10⁴, otherwise `1.235e-7`; exact integers
/// below 10⁶ stay whole; `-0` is `0`.
public enum NumberText {
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        if x == 0 { return "0" }
        if x == x.rounded(), Swift.abs(x) < 1e6 { return String(Int(x)) }
        // Rounding first decides the form: 9999.95 is 1e4, not 9999.95.
        let text = String(format: "%.3e", x)  // d.ddde±XX
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        if (-4..<4).contains(exponent) {
            return trimmed(String(format: "%.\(3 - exponent)f", x))
        }
        return "\(trimmed(String(text[..<e])))e\(exponent)"
    }

    /// Drops trailing zeros of a fraction: `1.500` → `1.5`.
    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }
}
