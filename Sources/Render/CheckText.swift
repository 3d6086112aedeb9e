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
        if check.kind == .formula, !check.equations.isEmpty { return formula(check) }
        return check.message
    }

    /// A formula check's sentence from its equations: the errors, the failures,
    /// or what was verified and defined. An algorithm box's intermediates and the
    /// rows its tests leave out are counted, not listed.
    static func formula(_ check: CheckResult) -> String {
        let results = check.equations
        let failed = results.filter { $0.status == .failed }
        func listed(_ results: [EquationResult], _ separator: String = ": ") -> String {
            results.map { EquationText.name($0) + separator + EquationText.message($0) }.joined(separator: "; ")
        }
        switch check.status {
        case .error: return listed(results.filter { $0.status == .error })
        case .xpass: return "expected to fail, but every equation holds"
        case .xfail: return "does not hold, as expected: " + listed(failed, " — ")
        case .failed: return listed(failed)
        case .passed: break
        }
        let compared = results.filter(\.compared).count
        let intermediates = results.filter { $0.status == .intermediate }.count
        let notApplicable = results.filter { $0.status == .notApplicable }.count
        var parts: [String] = []
        if compared > 0 { parts.append("\(compared) comparison\(compared == 1 ? "" : "s") verified") }
        let defined = results.filter { $0.status == .definition }.map(EquationText.definition)
        if !defined.isEmpty { parts.append(defined.joined(separator: ", ")) }
        if intermediates > 0 {
            parts.append("\(intermediates) intermediate assignment\(intermediates == 1 ? "" : "s")")
        }
        if notApplicable > 0 {
            parts.append("\(notApplicable) row\(notApplicable == 1 ? "" : "s") not applicable to this optimizer")
        }
        if compared == 0, !parts.isEmpty { parts[parts.count - 1] += "; nothing compared" }
        return parts.joined(separator: "; ")
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
