import Chapter
import MathML
import Notation
import Runner

/// One chapter as GitHub-flavoured Markdown: the prose as written with its math
/// in `$…$` and `$$…$$`, each formula and check followed by its verdict in a
/// short line, results as tables, and figures as SVG files in a folder beside
/// the page (`01-backprop/line-36-training.svg`), linked by relative path.
public struct MarkdownPage {
    let chapter: ChapterResult
    let names: ChapterFileNames
    let prepared: PreparedChapter
    var verdicts: FormulaVerdicts { prepared.verdicts }
    var figures: ChapterFigures { prepared.figures }

    public init(_ prepared: PreparedChapter) {
        chapter = prepared.chapter
        self.prepared = prepared
        names = ChapterFileNames(chapterFile: chapter.file)
    }

    public init(_ chapter: ChapterResult) {
        self.init(PreparedChapter(chapter))
    }

    /// What opens every Markdown page tutor writes, so only those are ever removed.
    static let generatorMark = "<!-- Written by tutor"

    /// What a Markdown page writes.
    public struct Output: Equatable, Sendable {
        /// The page, then its figures, all with paths relative to the output folder.
        public var files: [RenderedFile]
        /// The figures' file names inside the chapter's figure folder.
        public var figureNames: Set<String>
    }

    public func render() -> Output {
        var figureFiles: [RenderedFile] = []
        var figureNames = Set<String>()
        var page =
            "\(Self.generatorMark) from \(chapter.file.replacingOccurrences(of: "--", with: "-")): the chapter with its results. -->\n\n"
        var statusWritten = false
        for (index, block) in chapter.document.blocks.enumerated() {
            switch block {
            case let .prose(prose):
                var source = prose.source
                if !statusWritten, source.hasPrefix("# ") {
                    // The status goes under the title.
                    let title = source.prefix { $0 != "\n" }
                    source = String(source.dropFirst(title.count).drop { $0 == "\n" })
                    page += "\(title)\n\n"
                    page += status() + "\n"
                    statusWritten = true
                }
                if !source.isEmpty { page += source + "\n\n" }
            case let .displayMath(math):
                page += equation(math, at: index)
            case let .code(code):
                page += MarkdownText.fence(code.text, language: code.language ?? "") + "\n"
            case let .directive(directive):
                guard let chunks = prepared.chunks[index] else { continue }
                page += self.directive(directive, chunks, figures: &figureFiles, names: &figureNames)
            }
            if !statusWritten {
                page = page + status() + "\n"
                statusWritten = true
            }
        }
        while page.hasSuffix("\n\n") { page.removeLast() }
        return Output(
            files: [RenderedFile(path: names.markdown, contents: page)] + figureFiles, figureNames: figureNames)
    }

    private func status() -> String {
        "> **\(chapter.status.rawValue)** · \(chapter.counts.summary)\n"
    }

    private func equation(_ math: DisplayMath, at index: Int) -> String {
        let number = verdicts.equationNumbers[index] ?? 0
        var md = "$$\n\(math.latex)\n$$\n\n"
        if math.isShownUnchecked {
            md +=
                "> **(\(number))** **\(UncheckedFormula.badge)** — \(MarkdownText.text(UncheckedFormula.sentence))\n\n"
        }
        guard let entries = verdicts.byBlock[index] else { return md }
        for entry in entries {
            md += "> **(\(number))** \(verdict(entry.check)) — \(ScriptedText.markdown(CheckText.message(entry.check)))"
            md += Verdict.measures(entry.check).map { " (\($0))" } ?? ""
            md += EquationEvidence.derivativeSummary(entry.check.equations).map { " · \($0)" } ?? ""
            md += " · check at line \(entry.line)\n"
            md += EquationEvidence.markdown(entry.check.equations)
            md += ">\n"
        }
        if md.hasSuffix(">\n") { md.removeLast(2) }
        return md + "\n"
    }

    private func verdict(_ check: CheckResult) -> String {
        "\(Verdict.symbol(check)) **\(Verdict.label(check, isEvidence: prepared.errata.isEvidence(check)))**"
    }

    private func directive(
        _ directive: Directive, _ chunks: [DirectiveChunk],
        figures files: inout [RenderedFile], names figureNames: inout Set<String>
    ) -> String {
        var md = ""
        let info = directive.arguments.isEmpty ? "tutor" : "tutor \(directive.arguments)"
        for chunk in chunks {
            md += MarkdownText.fence(chunk.lines.map { $0.text + "\n" }.joined(), language: info)
            if chunk.notRun { md += "\n*Not run: an earlier statement failed.*\n" }
            for outcome in chunk.outcomes {
                switch outcome {
                case let .statement(statement):
                    if let erratum = prepared.errata.byLine[statement.statement.location.line],
                        case .erratum = statement.statement.kind
                    {
                        md += "\n" + ErratumBox.markdown(erratum, prepared.errata)
                    }
                    for finding in statement.findings {
                        md += "\n" + self.finding(finding, files: &files, names: &figureNames)
                    }
                    if let failure = statement.failure { md += "\n" + error(failure) }
                case let .syntaxError(diagnostic):
                    md += "\n" + error(diagnostic)
                }
            }
            md += "\n"
        }
        return md
    }

    private func finding(_ finding: Finding, files: inout [RenderedFile], names: inout Set<String>) -> String {
        switch finding {
        case let .check(check):
            var md = "\(verdict(check)) — \(ScriptedText.markdown(CheckText.message(check)))"
            if let measures = Verdict.measures(check) { md += " (\(measures))" }
            if check.kind == .formula, let number = verdicts.equationOfCheck[check.line] {
                md += " · equation (\(number))"
            }
            md += "\n"
            if !check.rows.isEmpty {
                md += "\n| value | verdict | agreement | detail |\n|---|---|---|---|\n"
                for row in check.rows {
                    md +=
                        "| \(MarkdownText.code(row.subject)) | \(row.passed ? "✓ agrees" : "✗ disagrees") | "
                        + "\(MarkdownText.text(Agreement.cell(row))) | "
                        + "\(MarkdownText.text(GradientCheckText.detail(row.comparison))) |\n"
                }
            }
            return md
        case let .show(show):
            return value(show)
        case let .training(t):
            return training(t, files: &files, names: &names)
        case .lossPlot, .surfacePlot, .linePlot, .scatterPlot, .histogram, .barPlot:
            return figure(for: finding, files: &files, names: &names)
        }
    }

    private func value(_ show: ShowResult) -> String {
        let value = show.value
        if value.shape.isScalar {
            return "\(MarkdownText.code(show.name)) = \(show.text(value.scalars[0]))\n"
        }
        let table = ValueTable(value)
        var md =
            "\(MarkdownText.code(show.name)) (\(value.rows)×\(value.cols)\(table.isAbbreviated ? ", corners shown" : "")):\n\n"
        md += "| |" + table.columns.map { " \($0.map(String.init) ?? "⋯") |" }.joined() + "\n"
        md += "|--:|" + table.columns.map { _ in "--:|" }.joined() + "\n"
        for row in table.rows {
            guard let row else {
                md += "| ⋮ |" + table.columns.map { $0 == nil ? " ⋱ |" : " ⋮ |" }.joined() + "\n"
                continue
            }
            md +=
                "| **\(row)** |"
                + table.columns.map { column in
                    " \(column.map { show.text(value[row, $0]) } ?? "⋯") |"
                }.joined() + "\n"
        }
        return md
    }

    private func training(_ t: TrainingResult, files: inout [RenderedFile], names: inout Set<String>) -> String {
        let batch = t.batchSize.map { "batches of \($0)" } ?? "the full batch"
        var md =
            "Trained \(t.epochs) epoch\(t.epochs == 1 ? "" : "s") on \(batch) with \(MarkdownText.code(OptimizerText.full(t.optimizer)))"
        if t.diverged {
            md += ": ✗ **diverged**, the loss stopped being a finite number.\n"
        } else {
            md +=
                ": loss \(t.log.first.map { NumberText.format($0.loss) + " → " } ?? "")\(NumberText.format(t.finalLoss)).\n"
        }
        guard !t.log.isEmpty else { return md }
        md += "\n| epoch | loss |\n|--:|--:|\n"
        for entry in TrainingLog.abbreviated(t.log) {
            md += entry.map { "| \($0.epoch) | \(NumberText.format($0.loss)) |\n" } ?? "| ⋮ | ⋮ |\n"
        }
        let figure = figure(for: .training(t), files: &files, names: &names)
        return figure.isEmpty ? md : md + "\n" + figure
    }

    private func figure(for finding: Finding, files: inout [RenderedFile], names figureNames: inout Set<String>)
        -> String
    {
        guard let figure = figures.figure(for: finding) else { return "" }
        let path = "\(names.figureFolder)/\(figure.fileName)"
        files.append(RenderedFile(path: path, contents: figure.svg(standalone: true)))
        figureNames.insert(figure.fileName)
        // The folder is named after the chapter's file, which the author chose:
        // the link is percent-encoded like every other link to a chapter's files.
        let address = Escaping.relativeAddress(names.figureFolder) + "/" + Escaping.relativeAddress(figure.fileName)
        return "![\(MarkdownText.text(figure.caption))](\(address))\n"
    }

    private func error(_ d: Diagnostic) -> String {
        var md =
            "! **error** at line \(d.location.line), column \(d.location.column): \(MarkdownText.text(d.message))\n"
        if let caret = d.sourceCaret { md += "\n" + MarkdownText.fence(caret, language: "text") }
        return md
    }
}
