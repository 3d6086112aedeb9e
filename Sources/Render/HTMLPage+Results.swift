import MathML
import Notation
import Runner

/// Findings: checks with their verdicts, values as tables, trainings, figures.
extension HTMLPage {
    func finding(_ finding: Finding) -> String {
        switch finding {
        case let .check(check): return self.check(check)
        case let .show(show): return value(show)
        case let .training(training): return self.training(training)
        case .lossPlot, .surfacePlot, .linePlot, .scatterPlot, .histogram, .barPlot: return figure(for: finding)
        }
    }

    func badge(_ check: CheckResult) -> String {
        "<span class=\"badge \(Verdict.style(check))\">\(Verdict.symbol(check)) \(Escaping.text(Verdict.label(check, isEvidence: prepared.errata.isEvidence(check))))</span>"
    }

    private func check(_ check: CheckResult) -> String {
        let kind: String
        switch check.kind {
        case .gradients: kind = "gradient check"
        case .expect: kind = "expectation"
        case .formula: kind = "formula check"
        }
        var html =
            "<div class=\"check\">\n<p>\(badge(check)) <span class=\"kind\">\(kind)</span> \(ScriptedText.html(CheckText.message(check)))"
        if check.kind == .formula, let number = verdicts.equationOfCheck[check.line] {
            html += " (<a href=\"#eq-\(number)\">equation \(number)</a>)"
        }
        html += "</p>\n"
        if let measures = Verdict.measures(check).map(Escaping.text) {
            html += "<p class=\"measure\">\(measures)</p>\n"
        }
        if !check.rows.isEmpty { html += evidence(check.rows) }
        return html + "</div>\n"
    }

    /// One row per value checked: whether it agreed, by how much, and the detail.
    func evidence(_ rows: [CheckRow]) -> String {
        var html =
            "<div class=\"table-scroll\"><table class=\"evidence\">\n<thead><tr><th>value</th><th>verdict</th><th>agreement</th><th>detail</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let verdict =
                row.passed
                ? "<span class=\"badge passed\">✓ agrees</span>" : "<span class=\"badge failed\">✗ disagrees</span>"
            html += "<tr><td><code>\(Escaping.text(row.subject))</code></td><td>\(verdict)</td>"
            html += "<td>\(Escaping.text(Agreement.cell(row)))</td>"
            html += "<td>\(Escaping.text(GradientCheckText.detail(row.comparison)))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A scalar on one line; a matrix as a table with its shape, large ones cut
    /// to their corners with ⋯ and ⋮ where rows and columns are left out.
    private func value(_ show: ShowResult) -> String {
        let name = "<code class=\"name\">\(Escaping.text(show.name))</code>"
        let value = show.value
        if value.shape.isScalar {
            return
                "<p class=\"value scalar\">\(name) = <span class=\"number\">\(show.text(value.scalars[0]))</span></p>\n"
        }
        let table = ValueTable(value)
        var html =
            "<figure class=\"value matrix\">\n<figcaption>\(name) <span class=\"shape\">\(value.rows)×\(value.cols)</span>"
        if table.isAbbreviated { html += " <span class=\"abbreviated\">(corners shown)</span>" }
        html += "</figcaption>\n<div class=\"table-scroll\"><table class=\"matrix\">\n<thead><tr><th></th>"
        for column in table.columns { html += "<th>\(column.map(String.init) ?? "⋯")</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            guard let row else {
                html +=
                    "<tr><th>⋮</th>"
                    + table.columns.map { $0 == nil ? "<td class=\"gap\">⋱</td>" : "<td class=\"gap\">⋮</td>" }.joined()
                    + "</tr>\n"
                continue
            }
            html += "<tr><th>\(row)</th>"
            for column in table.columns {
                html += column.map { "<td>\(show.text(value[row, $0]))</td>" } ?? "<td class=\"gap\">⋯</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</figure>\n"
    }

    /// What was trained and how the loss went, the log as a short table beside
    /// its curve.
    private func training(_ t: TrainingResult) -> String {
        let batch = t.batchSize.map { "batches of \($0)" } ?? "the full batch"
        let first = t.log.first.map { NumberText.format($0.loss) }
        var html =
            "<div class=\"training\">\n<p>Trained \(t.epochs) epoch\(t.epochs == 1 ? "" : "s") on \(batch) with <code>\(Escaping.text(OptimizerText.full(t.optimizer)))</code>"
        if t.diverged {
            html += ": <span class=\"badge failed\">✗ diverged</span> the loss stopped being a finite number.</p>\n"
        } else {
            html += ": loss \(first.map { "\($0) → " } ?? "")\(NumberText.format(t.finalLoss)).</p>\n"
        }
        guard !t.log.isEmpty else { return html + "</div>\n" }
        html +=
            "<div class=\"training-body\">\n<table class=\"log\">\n<thead><tr><th class=\"number\">epoch</th><th class=\"number\">loss</th></tr></thead>\n<tbody>\n"
        for entry in TrainingLog.abbreviated(t.log) {
            if let entry {
                html +=
                    "<tr><td class=\"number\">\(entry.epoch)</td><td class=\"number\">\(NumberText.format(entry.loss))</td></tr>\n"
            } else {
                html += "<tr><td class=\"gap\">⋮</td><td class=\"gap\">⋮</td></tr>\n"
            }
        }
        html += "</tbody>\n</table>\n"
        html += figure(for: .training(t))
        return html + "</div>\n</div>\n"
    }

    func figure(for finding: Finding) -> String {
        guard let figure = figures.figure(for: finding) else { return "" }
        return "<figure class=\"plot\">\n" + figure.svg(standalone: false)
            + "<figcaption>\(Escaping.text(figure.caption))</figcaption>\n</figure>\n"
    }
}
