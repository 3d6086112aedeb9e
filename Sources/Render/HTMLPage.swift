import Chapter
import MathML
import Runner

/// One chapter as a self-contained HTML page: the prose, each formula with its
/// verdict, each directive block with its results under the lines that made
/// them, and the figures inline. No script and no address outside the page.
///
/// The markup is also well-formed XML (void elements closed, text escaped), so
/// any XML parser can check a page.
public struct HTMLPage {
    let chapter: ChapterResult
    let previous: ChapterLink?
    let next: ChapterLink?
    /// The page's `<html lang>`: the book's language or the chapter's own.
    let language: String
    let prepared: PreparedChapter
    var verdicts: FormulaVerdicts { prepared.verdicts }
    var figures: ChapterFigures { prepared.figures }

    /// `previous` and `next` are the neighbouring chapters of the book, for links.
    public init(
        _ prepared: PreparedChapter, previous: ChapterLink? = nil, next: ChapterLink? = nil,
        language: String = "en"
    ) {
        chapter = prepared.chapter
        self.language = language
        self.prepared = prepared
        self.previous = previous
        self.next = next
    }

    public init(_ chapter: ChapterResult, previous: ChapterResult? = nil, next: ChapterResult? = nil) {
        self.init(PreparedChapter(chapter), previous: previous.map(ChapterLink.init), next: next.map(ChapterLink.init))
    }

    /// What marks a page as tutor's, so only tutor's pages are ever removed.
    static let generatorMark = "<meta name=\"generator\" content=\"tutor\"/>"

    /// Everything up to `<body>`: the same for every page tutor writes.
    static func head(title: String, language: String = "en") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Escaping.text(language))">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        \(generatorMark)
        <title>\(Escaping.text(title))</title>
        <style>
        \(Stylesheet.css)</style>
        </head>

        """
    }

    public func render() -> String {
        var html = HTMLPage.head(title: chapter.title, language: language) + "<body>\n"
        html += header()
        let contents = tableOfContents()
        // Only a page with contents has their column: without it the text would fall into it.
        html += contents.isEmpty ? "<div class=\"layout\">\n" : "<div class=\"layout with-contents\">\n"
        html += contents
        html += "<main>\n"
        html += problems()
        for (index, block) in chapter.document.blocks.enumerated() {
            html += self.block(block, at: index)
        }
        html += "</main>\n</div>\n"
        html += "<footer>Written by tutor from <code>\(Escaping.text(chapter.file))</code>.</footer>\n"
        return html + "</body>\n</html>\n"
    }

    /// The way back to the book and on to the neighbours, and how the chapter fared.
    private func header() -> String {
        var links = ["<a href=\"index.html\">Contents of the book</a>"]
        if let previous {
            links.append(
                "<a href=\"\(Escaping.text(Escaping.relativeAddress(ChapterFileNames(chapterFile: previous.file).html)))\" rel=\"prev\">← \(Escaping.text(previous.title))</a>"
            )
        }
        if let next {
            links.append(
                "<a href=\"\(Escaping.text(Escaping.relativeAddress(ChapterFileNames(chapterFile: next.file).html)))\" rel=\"next\">\(Escaping.text(next.title)) →</a>"
            )
        }
        return "<header class=\"page-header\">\n<nav>\(links.joined(separator: "\n"))</nav>\n"
            + "<div class=\"chapter-status\">\(HTMLPage.statusBadge(chapter.status)) \(Escaping.text(chapter.counts.summary))</div>\n"
            + "</header>\n"
    }

    static func statusBadge(_ status: ChapterStatus) -> String {
        "<span class=\"badge \(status.rawValue)\">\(Escaping.text(Verdict.label(status)))</span>"
    }

    private func tableOfContents() -> String {
        // The chapter's title heads the page itself; listing it would only push the sections down.
        let headings = chapter.document.headings.filter {
            $0.level <= 3 && !($0.level == 1 && $0.text == chapter.title)
        }
        guard headings.count > 1 else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
        for heading in headings {
            html +=
                "<li class=\"level-\(heading.level)\"><a href=\"#\(Escaping.text(heading.anchor))\">\(Escaping.text(heading.text))</a></li>\n"
        }
        return html + "</ol>\n</nav>\n"
    }

    /// Every error of the chapter at the top, each linked to its line, so a
    /// reader sees at once what went wrong and what did not run.
    private func problems() -> String {
        let errors =
            (chapter.errors.map { ($0.location.line, $0.message) }
            + chapter.checks.filter { $0.status == .error }.map { ($0.line, CheckText.message($0)) })
            .sorted { $0.0 < $1.0 }
        guard !errors.isEmpty else { return "" }
        let directiveLines = Set(
            chapter.document.blocks.flatMap { block -> [Int] in
                guard case let .directive(d) = block else { return [] }
                return DirectiveChunk.lines(of: d).map(\.number)
            })
        var html = "<section class=\"problems\" aria-label=\"Errors\">\n"
        html +=
            "<p>\(errors.count == 1 ? "This chapter has an error." : "This chapter has \(errors.count) errors.")</p>\n<ul>\n"
        for (line, message) in errors {
            let link = directiveLines.contains(line) ? "<a href=\"#line-\(line)\">line \(line)</a>" : "line \(line)"
            html += "<li>\(link): \(Escaping.text(message))</li>\n"
        }
        html += "</ul>\n"
        let stopped = chapter.blocks.contains { $0.statements.contains(where: \.isNotRun) }
        if stopped, let first = chapter.errors.first {
            html +=
                "<p class=\"not-run-note\">The statements after the error at line \(first.location.line) were not run.</p>\n"
        }
        return html + "</section>\n"
    }

    private func block(_ block: Block, at index: Int) -> String {
        switch block {
        case let .prose(prose):
            return RemoteImages.replaced(in: ProseHTMLRenderer.html(for: prose, math: FormulaHTML.inline))
        case let .displayMath(math):
            return equation(math, at: index)
        case let .code(code):
            let language = code.language.map { " class=\"language-\(Escaping.text($0))\"" } ?? ""
            return "<pre class=\"code shown\"><code\(language)>\(Escaping.text(code.text))</code></pre>\n"
        case .directive:
            guard let chunks = prepared.chunks[index] else { return "" }
            return self.directive(chunks)
        }
    }

    /// A display formula with its number and, beside it, what each `check
    /// formula` below it found.
    private func equation(_ math: DisplayMath, at index: Int) -> String {
        let number = verdicts.equationNumbers[index] ?? 0
        var html = "<div class=\"equation\" id=\"eq-\(number)\">\n<div class=\"equation-body\">\n"
        html += FormulaHTML.display(math)
        html += "\n<a class=\"equation-number\" href=\"#eq-\(number)\">(\(number))</a>\n</div>\n"
        if math.isShownUnchecked {
            html +=
                "<ul class=\"formula-verdicts\">\n<li><span class=\"badge definition unchecked\">\(Escaping.text(UncheckedFormula.badge))</span> "
                + "\(Escaping.text(UncheckedFormula.sentence))</li>\n</ul>\n"
        }
        if let entries = verdicts.byBlock[index] {
            html += "<ul class=\"formula-verdicts\">\n"
            for entry in entries {
                html += "<li>\(badge(entry.check)) \(ScriptedText.html(CheckText.message(entry.check)))"
                html +=
                    Verdict.measures(entry.check).map { " <span class=\"measure\">\(Escaping.text($0))</span>" } ?? ""
                html +=
                    EquationEvidence.derivativeSummary(entry.check.equations)
                    .map { " <span class=\"measure\">· \(Escaping.text($0))</span>" } ?? ""
                html += " <a href=\"#line-\(entry.line)\">check at line \(entry.line)</a>"
                if !entry.check.rows.isEmpty {
                    html += "\n<details><summary>evidence</summary>\n\(evidence(entry.check.rows))</details>\n"
                }
                if !entry.check.equations.isEmpty {
                    let open = entry.check.status == .passed ? "" : " open=\"open\""
                    html +=
                        "\n<details\(open)><summary>evidence</summary>\n"
                        + "\(EquationEvidence.html(entry.check.equations))</details>\n"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</div>\n"
    }
}
