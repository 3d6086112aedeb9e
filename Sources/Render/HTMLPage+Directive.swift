import Chapter
import MathML
import Notation
import Runner

/// A directive block: its lines in runs, each run followed by its results.
extension HTMLPage {
    func directive(_ chunks: [DirectiveChunk]) -> String {
        var html = "<div class=\"directive\">\n"
        for chunk in chunks {
            html += "<div class=\"chunk\(chunk.notRun ? " not-run" : "")\">\n"
            html += "<pre class=\"code tutor\"><code>"
            html += chunk.lines.map(codeLine).joined(separator: "\n")
            html += "</code></pre>\n"
            if chunk.notRun {
                html += "<p class=\"not-run-note\">Not run: an earlier statement failed.</p>\n"
            }
            if !chunk.outcomes.isEmpty {
                html += "<div class=\"outcomes\">\n"
                for outcome in chunk.outcomes {
                    switch outcome {
                    case let .statement(statement):
                        if let erratum = prepared.errata.byLine[statement.statement.location.line],
                            case .erratum = statement.statement.kind
                        {
                            html += ErratumBox.html(erratum, prepared.errata)
                        }
                        html += statement.findings.map(finding).joined()
                        if let failure = statement.failure { html += errorBox(failure) }
                    case let .syntaxError(diagnostic):
                        html += errorBox(diagnostic)
                    }
                }
                html += "</div>\n"
            }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }

    /// A numbered source line with its anchor (`#line-12`), the statement's
    /// keyword in bold and a trailing comment dimmed. Lines are joined by
    /// newlines, and the numbers cannot be selected, so copying gives the code.
    private func codeLine(_ line: DirectiveChunk.Line) -> String {
        var code = line.text
        var comment = ""
        if let hash = DirectiveSyntax.commentStart(in: code) {
            comment = String(code[hash...])
            code = String(code[..<hash])
        }
        var body = Escaping.text(code)
        if let keyword = DirectiveSyntax.keyword(in: code) {
            let rest = code.dropFirst(code.prefix { $0 == " " || $0 == "\t" }.count + keyword.count)
            let indent = String(code.prefix { $0 == " " || $0 == "\t" })
            body =
                Escaping.text(indent) + "<span class=\"kw\">\(Escaping.text(keyword))</span>"
                + Escaping.text(String(rest))
        }
        if !comment.isEmpty { body += "<span class=\"comment\">\(Escaping.text(comment))</span>" }
        return "<span class=\"line\" id=\"line-\(line.number)\"><span class=\"ln\">\(line.number)</span>\(body)</span>"
    }

    /// What went wrong, where, and the source line with a caret under the column.
    func errorBox(_ diagnostic: Diagnostic) -> String {
        let d = diagnostic
        var html = "<div class=\"error-box\" role=\"note\">\n"
        html +=
            "<p><span class=\"badge error\">! error</span> line \(d.location.line), column \(d.location.column): \(Escaping.text(d.message))</p>\n"
        if let caret = d.sourceCaret {
            html += "<pre><code>\(Escaping.text(caret))</code></pre>\n"
        }
        return html + "</div>\n"
    }
}
