import Runner

/// The sentence for a derivative a formula used. A derivative that is shown was
/// confirmed (a disagreement is the equation's error), so the sentence gives the
/// bound it met, not its measured residual, whose digits change with the
/// machine's BLAS kernel; report.json keeps the residual.
enum DerivativeText {
    static func sentence(_ note: DerivativeNote) -> String {
        let bound = note.tolerance.map { "within " + Agreement.bound($0, "ad", "fd") }
        switch note.method {
        case .gradient:
            let compared = ([detail(note)] + remarks(note) + [bound].compactMap { $0 }).joined(separator: ", ")
            return "\(note.label) by autodiff, confirmed by central differences (\(compared))"
        case .elementwise:
            let compared = ["along \(detail(note))", bound].compactMap { $0 }.joined(separator: ", ")
            return "\(note.label) element-wise, by autodiff, confirmed by central differences (\(compared))"
        case .activation:
            return "\(note.label) is the derivative of \(detail(note))"
        case .lossAtArgument:
            return "\(note.label) is the loss with \(detail(note)) replaced by the argument"
        }
    }

    /// What was compared (`12 entries`, `two directions`), the activation, or the param replaced.
    static func detail(_ note: DerivativeNote) -> String {
        switch note.method {
        case .gradient: return note.comparison.map(GradientCheckText.compared) ?? ""
        case .elementwise: return "two directions"
        case .activation, .lossAtArgument: return note.operand ?? ""
        }
    }

    /// What the finite differences skipped or retried.
    static func remarks(_ note: DerivativeNote) -> [String] {
        note.comparison.map(GradientCheckText.remarks) ?? []
    }
}
