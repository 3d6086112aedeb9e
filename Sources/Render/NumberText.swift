import Foundation

/// Numbers as pages show them: 4 significant digits, so that a page does not
/// change when a result moves in its last bits, and the same text on every machine.
///
/// Plain notation between 10⁻⁴ and 10⁶, otherwise `1.235e-7`; exact integers
/// below 10⁶ stay whole; `-0` is `0`.
public enum NumberText {
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        if x == 0 { return "0" }
        let magnitude = Swift.abs(x)
        if x == x.rounded(), magnitude < 1e6 { return String(Int(x)) }
        if magnitude >= 1e-4, magnitude < 1e6 {
            return trimmed(String(format: "%.4g", x))
        }
        let text = String(format: "%.3e", x)  // d.ddde±XX
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = trimmed(String(text[..<e]))
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    /// Drops trailing zeros of a fraction (`1.500` → `1.5`), which `%g` keeps in
    /// exponent form only.
    private static func trimmed(_ s: String) -> String {
        guard s.contains("."), !s.contains("e") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }
}
