import MathML
import Runner

/// An erratum as one box: the article's claim, the evidence with each check's
/// verdict, and the correction, each check linked to its line.
enum ErratumBox {
    static func html(_ erratum: ErratumResult, _ evidence: ErratumEvidence) -> String {
        var html = "<aside class=\"erratum\" id=\"erratum-\(erratum.line)\">\n"
        html += "<p class=\"erratum-claim\"><span class=\"badge \(Verdict.style(erratum.status))\">"
        html += "\(Verdict.symbol(erratum.status)) \(Escaping.text(Verdict.label(erratum.status)))</span> "
        html += "<span class=\"kind\">erratum</span> The article: \(Escaping.text(erratum.claim))</p>\n"
        for (title, lines, isEvidence) in [
            ("Evidence", erratum.evidence, true), ("Correction", erratum.correction, false),
        ] {
            guard !lines.isEmpty else {
                html += "<p class=\"erratum-part\">\(title): none checked.</p>\n"
                continue
            }
            html += "<p class=\"erratum-part\">\(title):</p>\n<ul>\n"
            for line in lines {
                html +=
                    "<li><a href=\"#line-\(line)\">line \(line)</a> \(verdictHTML(evidence.check(at: line), isEvidence))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</aside>\n"
    }

    static func markdown(_ erratum: ErratumResult, _ evidence: ErratumEvidence) -> String {
        var md = "> **Erratum** · \(Verdict.symbol(erratum.status)) **\(Verdict.label(erratum.status))** — "
        md += "the article: \(MarkdownText.text(erratum.claim))\n"
        for (title, lines, isEvidence) in [
            ("Evidence", erratum.evidence, true), ("Correction", erratum.correction, false),
        ] {
            md += ">\n"
            guard !lines.isEmpty else {
                md += "> \(title): none checked.\n"
                continue
            }
            md += "> \(title):\n"
            for line in lines {
                md += "> - line \(line): \(verdictMarkdown(evidence.check(at: line), isEvidence))\n"
            }
        }
        return md
    }

    private static func verdictHTML(_ check: CheckResult?, _ isEvidence: Bool) -> String {
        guard let check else { return "<span class=\"badge error\">! not run</span>" }
        return "<span class=\"badge \(Verdict.style(check))\">\(Verdict.symbol(check)) "
            + "\(Escaping.text(Verdict.label(check, isEvidence: isEvidence)))</span> "
            + "<code>\(Escaping.text(check.source))</code>: \(ScriptedText.html(CheckText.message(check)))"
    }

    private static func verdictMarkdown(_ check: CheckResult?, _ isEvidence: Bool) -> String {
        guard let check else { return "! **not run**" }
        return "\(Verdict.symbol(check)) **\(Verdict.label(check, isEvidence: isEvidence))** "
            + "\(MarkdownText.code(check.source)): \(ScriptedText.markdown(CheckText.message(check)))"
    }
}
