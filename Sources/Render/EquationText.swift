import Notation
import Runner

/// The sentences of a formula check's equations, written from their data.
enum EquationText {
    /// What came out of one equation, as report.json keeps it.
    static func message(_ r: EquationResult) -> String {
        switch r.status {
        case .passed:
            return "both sides agree"
        case .failed:
            if !r.message.isEmpty { return r.message }
            if let worst = r.worst {
                let nonFinite = !(worst.left.isFinite && worst.right.isFinite)
                return (nonFinite ? "a side is not finite: at" : "the sides differ: worst at")
                    + " (\(worst.row), \(worst.column)): \(NumberText.format(worst.left)) vs \(NumberText.format(worst.right))"
            }
            guard let left = r.left, let right = r.right else { return "" }
            return "the left side has shape \(left.shape), the right side \(right.shape)"
        case .definition:
            return definition(r) + "; nothing compared"
        case .intermediate:
            return "an intermediate: \(r.defined?.symbol ?? ""), assigned again below; nothing compared"
        case .notApplicable:
            return "not applicable: " + (r.unmetTest.map(unmet) ?? "")
        case .error, .skipped:
            return r.message
        }
    }

    /// "l = 2, θ = net.1.W, every j, k", or nil for an equation checked once.
    static func subject(_ r: EquationResult) -> String? {
        guard let subject = r.subject else { return nil }
        var parts: [String] = []
        if let l = subject.layer { parts.append("l = \(l)") }
        if let parameter = subject.parameter { parts.append("θ = \(parameter)") }
        if !subject.components.isEmpty { parts.append("every \(subject.components.joined(separator: ", "))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "equation 2 (l = 1)": how a check's sentence names one of its equations.
    static func name(_ r: EquationResult) -> String {
        "equation \(r.index)\(subject(r).map { " (\($0))" } ?? "")"
    }

    /// "defines \delta^{(l)} for every layer l".
    static func definition(_ r: EquationResult) -> String {
        "defines \(r.defined?.symbol ?? "")\(r.defined?.everyLayer.map { " for every layer \($0)" } ?? "")"
    }

    /// `\lambda \neq 0 is false (\lambda = 0)`.
    private static func unmet(_ test: UnmetTest) -> String {
        let verdict = test.holds ? "holds, and this row is on its \\textbf{else} branch" : "is false"
        let values = test.values.map { value -> String in
            switch value {
            case let .number(name, x): return "\(name) = \(NumberText.format(x))"
            case let .flag(name, isSet): return "\(name) = \(isSet ? "true" : "false")"
            case .minimises: return "tutor's optimizers minimise"
            }
        }
        return "\(test.source) \(verdict)\(values.isEmpty ? "" : " (\(values.joined(separator: ", ")))")"
    }
}
