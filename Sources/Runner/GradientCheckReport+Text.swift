import Learning
import Notation

/// How a gradient check is described: in `check gradients` rows and in the
/// notes and errors of a formula's derivatives.
extension GradientCheckReport {
    /// What was compared: "3 entries", "16 random directions".
    var comparedText: String {
        switch method {
        case .entries: return "\(checked) \(checked == 1 ? "entry" : "entries")"
        case let .randomDirections(n): return "\(n) random directions"
        }
    }

    /// Comparisons skipped at a kink or confirmed only by the five-point stencil, if any.
    var remarks: [String] {
        var parts: [String] = []
        if skippedNearKink > 0 { parts.append("\(skippedNearKink) skipped at a kink") }
        if richardsonRetries > 0 { parts.append("\(richardsonRetries) confirmed by the five-point stencil") }
        return parts
    }

    /// Where the worst comparison is: "entry (0, 1)", or "a direction".
    var worstPlace: String? {
        worst.map { worst in worst.row.map { "entry (\($0), \(worst.column ?? 0))" } ?? "a direction" }
    }

    /// The worst comparison's numbers: "autodiff 0.7119, finite differences 0".
    var worstValues: String? {
        worst.map { "autodiff \(NumberText.format($0.autodiff)), finite differences \(NumberText.format($0.finiteDifference))" }
    }

    /// A `check gradients` row: what was checked, and the worst disagreement.
    var detail: String {
        var parts = ["\(comparedText) checked"] + remarks
        if failed > 0, let worstPlace, let worstValues {
            parts.append("\(failed) disagree; worst at \(worstPlace): \(worstValues)")
        }
        return parts.joined(separator: ", ")
    }
}
