import Autodiff
import MathML
import Notation
import Runner

/// The evidence of a formula check, one row per equation (and per layer or
/// param it was checked for): its verdict, both sides, the worst entry, and how
/// each derivative in it was computed and confirmed.
enum EquationEvidence {
    static func html(_ results: [EquationResult]) -> String {
        var html =
            "<div class=\"table-scroll\"><table class=\"evidence equations\">\n<thead><tr><th>equation</th><th>verdict</th>"
            + "<th>left side</th><th>right side</th><th class=\"number\">max rel. error</th><th>how</th></tr></thead>\n<tbody>\n"
        for r in results {
            let subject =
                EquationText.subject(r).map { "<br/><span class=\"subject\">\(ScriptedText.html($0))</span>" } ?? ""
            html += "<tr><td>\(r.index)\(subject)</td><td>\(badge(r.status))</td>"
            html += "<td class=\"side\">\(side(r.left))</td><td class=\"side\">\(side(r.right))</td>"
            html += "<td class=\"number\">\(Escaping.text(measure(r)))</td>"
            // A failure names its worst entry; the message would say the same again.
            var how = [message(r)]
            if let w = r.worst, r.status == .failed {
                how = [
                    "worst entry (\(w.row), \(w.column)): \(NumberText.format(w.left)) vs \(NumberText.format(w.right))"
                ]
            }
            html +=
                "<td>\((how + r.derivatives.map(DerivativeText.sentence)).map(ScriptedText.html).joined(separator: "<br/>"))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// How the derivatives in the equations were confirmed, or nil when they
    /// took none. The runner notes a derivative only once finite differences
    /// confirmed it.
    static func derivativeSummary(_ results: [EquationResult]) -> String? {
        let count = Set(results.flatMap(\.derivatives).map(DerivativeText.sentence)).count
        switch count {
        case 0: return nil
        case 1: return "1 derivative by autodiff, confirmed by finite differences"
        default: return "\(count) derivatives by autodiff, each confirmed by finite differences"
        }
    }

    static func markdown(_ results: [EquationResult]) -> String {
        var md = ""
        for r in results {
            md +=
                ">\n> - equation \(r.index)\(EquationText.subject(r).map { " (\(ScriptedText.markdown($0)))" } ?? ""): **\(label(r.status))**"
            md += " — \(ScriptedText.markdown(message(r)))\n"
            md += r.derivatives.map { ">   - \(ScriptedText.markdown(DerivativeText.sentence($0)))\n" }.joined()
        }
        return md
    }

    /// A measured residual only where the sides disagree: an agreement shows the
    /// bound it satisfies, whose digits do not change with the machine's BLAS kernel.
    private static func measure(_ r: EquationResult) -> String {
        if r.status == .passed, r.tolerance != nil { return Agreement.withinTolerance }
        return r.maxRelativeError.map(NumberText.format) ?? ""
    }

    private static func message(_ r: EquationResult) -> String {
        if r.status == .passed, let tolerance = r.tolerance { return "both sides agree, " + Agreement.bound(tolerance) }
        return EquationText.message(r)
    }

    static func label(_ status: EquationResult.Status) -> String {
        switch status {
        case .passed: return "holds"
        case .failed: return "does not hold"
        case .definition, .intermediate: return "definition"
        case .error: return "error"
        case .skipped, .notApplicable: return "not checked here"
        }
    }

    private static func badge(_ status: EquationResult.Status) -> String {
        let style: String
        switch status {
        case .passed: style = "passed"
        case .failed: style = "failed"
        case .definition, .intermediate, .skipped, .notApplicable: style = "definition"
        case .error: style = "error"
        }
        return "<span class=\"badge \(style)\">\(Escaping.text(label(status)))</span>"
    }

    /// A side abbreviated: a number, or its shape above its first entries. A
    /// line may break between entries, never inside one (`1.332e-15`).
    private static func side(_ value: Tensor?) -> String {
        guard let value else { return "" }
        let entries = value.scalars.prefix(value.count == 1 ? 1 : 2)
            .map { "<span class=\"entry\">\(Escaping.text(NumberText.format($0)))</span>" }
        if value.count == 1 { return entries[0] }
        return
            "<span class=\"shape\">\(value.shape)</span><br/>\(entries.joined(separator: ", "))\(value.count > 2 ? ", …" : "")"
    }
}
