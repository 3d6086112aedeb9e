import Foundation
import Notation
import Runner

/// How a comparison that holds is written. Its measured error is rounding
/// noise — it changes with the BLAS kernel, the thread count and the CPU — so
/// a page states the bound the comparison met, which is the same on every
/// machine; only a comparison that fails shows how far off it was.
enum Agreement {
    /// "|a − b| ≤ 1e-10 + 1e-7·|b|", or "|a − b| ≤ 1e-12" without a relative part.
    static func bound(_ tolerance: Tolerance, _ a: String = "a", _ b: String = "b") -> String {
        var text = "|\(a) − \(b)| ≤ \(number(tolerance.absolute))"
        if tolerance.relative > 0 { text += " + \(number(tolerance.relative))·|\(b)|" }
        return text
    }

    /// A tolerance as authors write one: a power of ten as `1e-4`, anything else as a page number.
    static func number(_ x: Double) -> String {
        let exponent = Foundation.log10(x).rounded()
        if x > 0, x == Foundation.pow(10, exponent), exponent != 0 { return "1e\(Int(exponent))" }
        return NumberText.format(x)
    }

    /// A check's bound in the words of its kind: finite differences for gradients.
    static func bound(of check: CheckResult) -> String? {
        guard let tolerance = check.tolerance else { return nil }
        switch check.kind {
        case .gradients: return "every comparison within " + bound(tolerance, "ad", "fd")
        case .formula: return "every entry within " + bound(tolerance)
        case .expect: return nil  // the message already says "within ±t"
        }
    }

    /// Whether a check's measured errors are noise under its bound rather than findings.
    static func isNoise(_ check: CheckResult) -> Bool {
        check.tolerance != nil && (check.status == .passed || check.status == .xpass)
    }

    /// A table cell for a value that held: the check's bound stands above the table.
    static let withinTolerance = "within tolerance"

    /// A `check gradients` row's cell: how far off it was, or that it held.
    static func cell(_ row: CheckRow) -> String {
        row.passed
            ? withinTolerance
            : "max abs. error \(NumberText.format(row.maxAbsoluteError)), max rel. error \(NumberText.format(row.maxRelativeError))"
    }
}
