import Notation
import Runner

/// A check's sentence: what was compared and what came out, written from its data.
public enum CheckText {
    public static func message(_ check: CheckResult) -> String {
        if let outcome = check.expectation { return expectation(outcome) }
        if check.kind == .gradients, !check.rows.isEmpty {
            let failed = check.rows.filter { !$0.passed }.map(\.subject)
            return failed.isEmpty
                ? "autodiff agrees with finite differences for \(check.rows.map(\.subject).joined(separator: ", "))"
                : "autodiff and finite differences disagree for \(failed.joined(separator: ", "))"
        }
        return check.message
    }

    /// `w = 2, within ±0.01 of 2`; `L = 0.3 not < 0.05`. How far off a value
    /// that holds is rounding noise: only a miss says it.
    static func expectation(_ e: ExpectationOutcome) -> String {
        let left = "\(e.left) = \(value(e.leftValue))"
        guard e.relation == "≈", let tolerance = e.tolerance else {
            return "\(left) \(e.holds ? "" : "not ")\(e.relation) \(value(e.rightValue))"
        }
        return "\(left), \(e.holds ? "within" : "not within") ±\(tolerance) of \(value(e.rightValue))"
            + (e.holds ? "" : e.worst.map { " (off by \(NumberText.format($0)))" } ?? "")
    }

    private static func value(_ v: ExpectationOutcome.Value) -> String {
        switch v {
        case let .number(x): return NumberText.format(x)
        case let .matrix(shape): return "a \(shape) value"
        }
    }
}
