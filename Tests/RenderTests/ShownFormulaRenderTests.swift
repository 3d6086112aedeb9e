import Foundation
@testable import Render
import Runner
import XCTest

/// Formulas shown without a check, typeset and marked; prose math that cannot
/// be typeset, warned about with its place.
final class ShownFormulaRenderTests: XCTestCase {
    private func chapter(_ markdown: String) throws -> ChapterResult {
        let folder = try RenderFixture.temporaryFolder("shown", for: self)
        let path = folder + "/01-shown.md"
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        return ChapterRunner(bookRoot: folder).run(path: path, displayPath: "01-shown.md")
    }

    private static let text = """
        # Shown

        The mean $\\mathbb{E}[x]$ and the square $x^2$.

        <!-- tutor: show -->
        $$
        \\hat{y} = \\frac{1}{n} \\sum_i x_i
        $$

        <!-- tutor: show -->
        $$
        \\hat{y} = \\oint_k p_k
        $$

        """

    func testAShownFormulaIsTypesetAndMarkedNotChecked() throws {
        let result = try chapter(Self.text)
        let page = HTMLPage(result).render()
        let first = try XCTUnwrap(
            page.components(separatedBy: "id=\"eq-1\"").dropFirst().first?
                .components(separatedBy: "id=\"eq-2\"").first)
        XCTAssertTrue(first.contains("<div class=\"formula\"><math display=\"block\">"), first)
        XCTAssertTrue(first.contains("<mfrac>"), "typeset, not shown as source")
        XCTAssertTrue(
            first.contains(
                "<span class=\"badge definition unchecked\">○ not checked</span> "
                    + "shown as written; tutor does not check this formula"), first)
        let markdown = try XCTUnwrap(MarkdownPage(result).render().files.first?.contents)
        XCTAssertTrue(
            markdown.contains(
                "<!-- tutor: show -->\n\n$$\n\\hat{y} = \\frac{1}{n} \\sum_i x_i\n$$\n\n"
                    + "> **(1)** **○ not checked** — shown as written; tutor does not check this formula\n"),
            markdown)
        XCTAssertEqual(result.counts.errors, 0, "nothing was checked, nothing failed")
    }

    func testWarningsForMathThatCannotBeTypesetAreLocated() throws {
        let result = try chapter(Self.text)
        XCTAssertEqual(
            result.warnings.map(\.description),
            [
                "01-shown.md:3:11: warning: this inline math is outside the LaTeX tutor typesets, so the page shows it as "
                    + "source; write it with the commands tutor reads (docs/chapter-format.md, Formulas), or as code in backticks",
                "01-shown.md:12:1: warning: this formula, marked shown and not checked, is outside the LaTeX tutor "
                    + "typesets, so the page shows it as source",
            ])
        XCTAssertEqual(
            result.warnings.first?.rendered.components(separatedBy: "\n").suffix(2),
            ["The mean $\\mathbb{E}[x]$ and the square $x^2$.", "          ^"])
        XCTAssertEqual(result.diagnosticsWithWarnings.count, 2)
    }

    func testTheReportListsShownFormulasAndWarningsAndCountsThem() throws {
        let result = try chapter(Self.text)
        let report = try XCTUnwrap(JSONValue.parse(JSONReport.render(BookResult(chapters: [result]))))
        let chapter = try XCTUnwrap(report["chapters"]?.items?.first)
        XCTAssertEqual(chapter["unchecked_formulas"]?.items?.map { $0["line"]?.serialized() }, ["7", "12"])
        XCTAssertEqual(
            chapter["unchecked_formulas"]?.items?.first?["latex"]?.string, "\\hat{y} = \\frac{1}{n} \\sum_i x_i")
        XCTAssertEqual(
            chapter["warnings"]?.items?.map { [$0["line"]?.serialized(), $0["column"]?.serialized()] },
            [["3", "11"], ["12", "1"]])
        XCTAssertEqual(report["summary"]?["unchecked_formulas"]?.serialized(), "2")
        XCTAssertEqual(report["summary"]?["warnings"]?.serialized(), "2")
    }

    func testAChapterWithoutThemHasNoSuchFields() throws {
        let result = try chapter("# Plain\n\nThe square $x^2$.\n\n$$ y = 2 $$\n")
        XCTAssertEqual(result.warnings.count, 0)
        let report = JSONReport.render(BookResult(chapters: [result]))
        XCTAssertFalse(report.contains("unchecked_formulas"))
        XCTAssertFalse(report.contains("\"warnings\""))
        XCTAssertFalse(HTMLPage(result).render().contains("not checked"))
    }
}
