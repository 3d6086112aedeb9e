import Autodiff
import Notation

/// How a gradient check is described: in `check gradients` rows and in the
/// notes of a formula's derivatives.
enum GradientCheckText {
    /// What was compared: "3 entries", "16 random directions".
    static func compared(_ report: GradientCheckReport) -> String {
        switch report.method {
        case .entries: return "\(report.checked) \(report.checked == 1 ? "entry" : "entries")"
        case let .randomDirections(n): return "\(n) random directions"
        }
    }

    /// Comparisons skipped at a kink or confirmed only by the five-point stencil, if any.
    static func remarks(_ report: GradientCheckReport) -> [String] {
        var parts: [String] = []
        if report.skippedNearKink > 0 { parts.append("\(report.skippedNearKink) skipped at a kink") }
        if report.richardsonRetries > 0 {
            parts.append("\(report.richardsonRetries) confirmed by the five-point stencil")
        }
        return parts
    }

    /// A `check gradients` row: what was checked, and the worst disagreement:
    /// "3 entries checked, 1 disagree; worst at entry (0, 1): autodiff 0.7119, finite differences 0".
    static func detail(_ report: GradientCheckReport) -> String {
        var parts = ["\(compared(report)) checked"] + remarks(report)
        if report.failed > 0, let worst = report.worst {
            let place = worst.row.map { "entry (\($0), \(worst.column ?? 0))" } ?? "a direction"
            parts.append(
                "\(report.failed) disagree; worst at \(place): autodiff \(NumberText.format(worst.autodiff)), "
                    + "finite differences \(NumberText.format(worst.finiteDifference))")
        }
        return parts.joined(separator: ", ")
    }
}
