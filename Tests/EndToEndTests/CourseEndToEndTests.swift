import Foundation
import XCTest

/// A course chapter through the built binary: comparisons, accuracy, a value
/// recorded in training, a scatter plot with its boundary, a histogram, a
/// surface over entries of a weight, formulas shown unchecked and math that
/// cannot be typeset, warned about.
final class CourseEndToEndTests: XCTestCase {
    func testACourseChapterRunsPlotsAndWarns() throws {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            ["run", "logistic-course", "--output", output.path, "--no-cache"], in: TutorProcess.fixtures)
        XCTAssertEqual(process.status, 0, "warnings do not fail a chapter:\n\(process.standardError)")
        XCTAssertTrue(
            process.standardError.contains(
                "logistic-course/01-logistic.md:5:60: warning: this inline math is outside the LaTeX tutor typesets"),
            process.standardError)
        XCTAssertTrue(
            process.standardError.contains(
                "logistic-course/01-logistic.md:29:1: warning: this formula, marked shown and not checked, is outside the LaTeX tutor typesets"
            ),
            process.standardError)

        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let chapter = try XCTUnwrap((report["chapters"] as? [[String: Any]])?.first)
        XCTAssertEqual(chapter["status"] as? String, "passed")
        let checks = try XCTUnwrap(chapter["checks"] as? [[String: Any]])
        XCTAssertEqual(checks.map { $0["source"] as? String }, ["expect acc == 1", "expect (net(x) > 0.5) == y"])
        XCTAssertEqual(checks.map { $0["status"] as? String }, ["passed", "passed"])

        let shows = try XCTUnwrap(chapter["shows"] as? [[String: Any]])
        XCTAssertEqual(
            shows.map { $0["name"] as? String },
            ["predicted", "acc", "rows(x)", "cols(x)", "round(net.1.W)", "sign(net.1.b)"])
        XCTAssertEqual(shows[0]["boolean"] as? Bool, true)
        XCTAssertEqual(shows[0]["value"] as? [[Double]], [[0], [0], [0], [1], [1], [1], [0], [1]])
        XCTAssertNil(shows[1]["boolean"])
        XCTAssertEqual(shows[2]["value"] as? Double, 8)
        XCTAssertEqual(shows[3]["value"] as? Double, 2)

        let plots = try XCTUnwrap(chapter["plots"] as? [[String: Any]])
        XCTAssertEqual(plots.map { $0["kind"] as? String }, ["line", "scatter", "histogram"])
        let series = try XCTUnwrap((plots[0]["series"] as? [[String: Any]])?.first)
        XCTAssertEqual(series["x"] as? [Double], [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 299])
        XCTAssertEqual((series["y"] as? [Double])?.first, 0.5, "zero weights give 0.5 everywhere: class 0, half right")
        XCTAssertEqual(plots[1]["points"] as? Int, 8)
        XCTAssertEqual(plots[1]["boundary"] as? String, "net(x)")
        XCTAssertEqual((plots[2]["counts"] as? [Int])?.reduce(0, +), 2)

        let unchecked = try XCTUnwrap(chapter["unchecked_formulas"] as? [[String: Any]])
        XCTAssertEqual(unchecked.map { $0["line"] as? Int }, [24, 29])
        let warnings = try XCTUnwrap(chapter["warnings"] as? [[String: Any]])
        XCTAssertEqual(warnings.map { [$0["line"] as? Int, $0["column"] as? Int] }, [[5, 60], [29, 1]])
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["unchecked_formulas"] as? Int, 2)
        XCTAssertEqual(summary["warnings"] as? Int, 2)

        let figures = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("01-logistic").path)
        XCTAssertEqual(
            figures.sorted(),
            [
                "line-17-training.svg", "line-36-line.svg", "line-37-scatter.svg",
                "line-38-histogram.svg", "line-39-surface.svg",
            ])
        let surface = try String(
            contentsOf: output.appendingPathComponent("01-logistic/line-39-surface.svg"), encoding: .utf8)
        XCTAssertTrue(surface.contains("<title>L over net.1.W[0,0], net.1.W[0,1]</title>"))
        XCTAssertTrue(surface.contains("class=\"path-start\""), "the path of training over the two weights")
        let page = try String(contentsOf: output.appendingPathComponent("01-logistic.html"), encoding: .utf8)
        XCTAssertEqual(page.components(separatedBy: "○ not checked").count - 1, 2)
        XCTAssertNil(page.range(of: "<script", options: .caseInsensitive))
    }
}
