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
            let compared = ([note.detail] + note.remarks + [bound].compactMap { $0 }).joined(separator: ", ")
            return "\(note.label) by autodiff, confirmed by central differences (\(compared))"
        case .elementwise:
            let compared = ["along \(note.detail)", bound].compactMap { $0 }.joined(separator: ", ")
            return "\(note.label) element-wise, by autodiff, confirmed by central differences (\(compared))"
        case .activation:
            return "\(note.label) is the derivative of \(note.detail)"
        case .lossAtArgument:
            return "\(note.label) is the loss with \(note.detail) replaced by the argument"
        }
    }
}
