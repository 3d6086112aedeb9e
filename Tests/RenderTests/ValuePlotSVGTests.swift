import Foundation
@testable import Render
import Runner
import TutorTestSupport
import XCTest

/// The figures of `plot line`, `scatter`, `histogram` and `bars`: where their
/// marks fall, their titles for screen readers, well-formed and without script.
final class ValuePlotSVGTests: XCTestCase {
    private static let chapterText = """
        # Plots

        ```tutor
        data x = [0, 0; 2, 1; 1, 3]
        let y = [1; 0; 1]
        plot scatter x, y with boundary (x @ [1; 0]) / 2
        plot histogram [0, 1, 2, 3, 4, 4, 10], bins 5
        plot line [3, 1, 2], [1; 0.5]
        show x[1] > 1.5
        plot bars [2, -1, 0 / 0, 0.5]
        ```

        """

    private func figures() throws -> [String: String] {
        let folder = try RenderFixture.temporaryFolder("value-plots", for: self)
        let path = folder + "/01-plots.md"
        try Self.chapterText.write(toFile: path, atomically: true, encoding: .utf8)
        let chapter = ChapterRunner(bookRoot: folder).run(path: path, displayPath: "01-plots.md")
        XCTAssertEqual(chapter.errors.map(\.message), [])
        var svgs: [String: String] = [:]
        for file in MarkdownPage(chapter).render().files where file.path.hasSuffix(".svg") {
            svgs[(file.path as NSString).lastPathComponent] = file.contents
        }
        let page = HTMLPage(chapter).render()
        XCTAssertEqual(page.components(separatedBy: "<figure class=\"plot\">").count - 1, 4)
        XCTAssertNil(page.range(of: "<script", options: .caseInsensitive))
        XCTAssertTrue(page.contains("<code class=\"name\">x[1] &gt; 1.5</code>"), "the show is in the page")
        XCTAssertTrue(page.contains("<td>true</td><td>false</td>"), "a boolean prints as true and false")
        return svgs
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testScatterDrawsEachLabelInItsStyleAndTheBoundaryWhereTheOutputIsHalf() throws {
        let svg = try XCTUnwrap(try figures()["line-6-scatter.svg"])
        XCTAssertTrue(svg.contains("<title>x by y, with the 0.5 contour of x @ [1; 0] / 2</title>"), svg)
        // Points: label 0 is the one at (2, 1), label 1 the other two; the key has one of each.
        XCTAssertEqual(count("class=\"marker-0\"", in: svg), 1 + 1)
        XCTAssertEqual(count("class=\"marker-1\"", in: svg), 2 + 1)
        XCTAssertTrue(svg.contains(">label 0</text>") && svg.contains(">label 1</text>"))
        XCTAssertTrue(svg.contains(">x @ [1; 0] / 2 = 0.5</text>"))
        // x runs over -0.1…2.1 on 70…530: the boundary x₀ = 1 is the vertical at 300.
        let path = try XCTUnwrap(svg.components(separatedBy: "<path class=\"boundary\"").dropFirst().first)
        let d = try XCTUnwrap(
            path.components(separatedBy: "d=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let xs = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { $0.split(separator: " ")[0] }
        XCTAssertEqual(Set(xs), ["300"], d)
        XCTAssertEqual(xs.count, 2 * 60, "one segment per row of cells")
        // The point (0, 0), label 1's square: centred at x 70 + 0.1/2.2·460 = 90.9
        // and y 426 − 0.15/3.3·390 = 408.3; label 0's circle at (2, 1).
        XCTAssertTrue(
            svg.contains("<rect class=\"marker-1\" x=\"87.7\" y=\"405.1\" width=\"6.4\" height=\"6.4\"/>"), svg)
        XCTAssertTrue(svg.contains("<circle class=\"marker-0\" cx=\"509.1\" cy=\"290.1\" r=\"3.5\"/>"), svg)
    }

    func testHistogramBarsStandOnTheAxisWithTheirCounts() throws {
        let svg = try XCTUnwrap(try figures()["line-7-histogram.svg"])
        XCTAssertTrue(svg.contains("<title>Entries of [0, 1, 2, 3, 4, 4, 10]</title>"))
        // Counts 2, 2, 2, 0, 1 in bins 2 wide: four bars (an empty bin draws none), on 0…5 entries.
        XCTAssertEqual(count("<rect class=\"bar\"", in: svg), 4)
        XCTAssertTrue(svg.contains("x=\"70\" y=\"210\" width=\"110.4\" height=\"116\"><title>2</title></rect>"), svg)
        XCTAssertTrue(svg.contains("x=\"511.6\" y=\"268\" width=\"110.4\" height=\"58\"><title>1</title></rect>"), svg)
        XCTAssertTrue(svg.contains(">entries</text>"))
    }

    /// Bars from the zero line, up for 2 and 0.5 and down for −1, none for NaN: the
    /// plot area is x 70…622 over entries −0.5…3.5 and y 36…326 over values −1…2.
    func testBarsStandOnTheZeroLineAtTheirEntries() throws {
        let svg = try XCTUnwrap(try figures()["line-10-bars.svg"])
        XCTAssertTrue(svg.contains("<title>Entries of [2, -1, 0 / 0, 0.5]</title>"), svg)
        let pattern = try NSRegularExpression(
            pattern: #"<rect class="bar" [^>]*x="([-0-9.]+)" y="([-0-9.]+)" "#
                + #"width="([-0-9.]+)" height="([-0-9.]+)"><title>(\d+): "#)
        let bars = pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (1...5).map { Double(svg[Range(match.range(at: $0), in: svg)!])! }
        }
        func px(_ entry: Double) -> Double { 70 + (entry + 0.5) / 4 * 552 }
        func py(_ value: Double) -> Double { 326 - (value + 1) / 3 * 290 }
        // Coordinates are written to a tenth of a point.
        let expected: [(entry: Double, value: Double)] = [(0, 2), (1, -1), (3, 0.5)]
        XCTAssertEqual(bars.count, expected.count, svg)
        for (bar, (entry, value)) in zip(bars, expected) {
            XCTAssertEqual(bar[4], entry)
            XCTAssertEqual(bar[0], px(entry - 0.4), accuracy: 0.05)
            XCTAssertEqual(bar[2], px(entry + 0.4) - px(entry - 0.4), accuracy: 0.05)
            XCTAssertEqual(bar[1], min(py(0), py(value)), accuracy: 0.05)
            XCTAssertEqual(bar[3], abs(py(0) - py(value)), accuracy: 0.05)
        }
        XCTAssertTrue(svg.contains(">entry</text>"))
    }

    func testLinesOfVectorsAgainstTheirEntries() throws {
        let svg = try XCTUnwrap(try figures()["line-8-line.svg"])
        XCTAssertTrue(svg.contains("<title>[3, 1, 2], [1; 0.5]</title>"))
        XCTAssertEqual(count("<polyline class=\"series-0\"", in: svg), 1)
        XCTAssertEqual(count("<polyline class=\"series-1\"", in: svg), 1)
        XCTAssertTrue(svg.contains(">[1; 0.5]</text>"), "two lines have a key")
        XCTAssertTrue(svg.contains(">entry</text>"))
    }

    func testFiguresAreWellFormedXML() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            throw XCTSkip("xmllint is not installed (Debian package libxml2-utils)")
        }
        let folder = try RenderFixture.temporaryFolder("value-plots-xml", for: self)
        for (name, svg) in try figures() {
            XCTAssertNil(svg.range(of: "<script", options: .caseInsensitive))
            let path = folder + "/" + name
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try ProgramRun(xmllint, ["--noout", path])
            XCTAssertEqual(run.status, 0, "\(name):\n\(run.text)")
        }
    }
}
