import Foundation
import XCTest

/// A book with errata through the built binary: each erratum in report.json
/// with its evidence and correction lines, counted in the summary, boxed in
/// the Markdown page, and an erratum whose evidence holds fails its chapter.
final class ErrataEndToEndTests: XCTestCase {
    func testErrataAreReportedCountedAndBoxed() throws {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            ["run", "errata", "--output", output.path, "--format", "json,md", "--no-cache"],
            in: TutorProcess.fixtures)
        XCTAssertEqual(process.status, 2, "an erratum without evidence is an error")
        XCTAssertTrue(
            process.standardError.contains("errata/02-not-confirmed.md:20:1: error: this erratum has no evidence"),
            process.standardError)
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let chapters = try XCTUnwrap(report["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.map { $0["status"] as? String }, ["passed", "error"])

        let first = try XCTUnwrap(chapters[0]["errata"] as? [[String: Any]])
        XCTAssertEqual(first.count, 1)
        XCTAssertEqual(first[0]["line"] as? Int, 17)
        XCTAssertEqual(first[0]["claim"] as? String, "the gradient is (4 − ŷ) x")
        XCTAssertEqual(first[0]["evidence"] as? [Int], [18, 19])
        XCTAssertEqual(first[0]["correction"] as? [Int], [30])
        XCTAssertEqual(first[0]["status"] as? String, "confirmed")
        let checks = try XCTUnwrap(chapters[0]["checks"] as? [[String: Any]])
        XCTAssertEqual(checks.map { $0["status"] as? String }, ["xfail", "passed", "passed", "xfail"])

        let second = try XCTUnwrap(chapters[1]["errata"] as? [[String: Any]])
        XCTAssertEqual(second.map { $0["status"] as? String }, ["not_confirmed", "error"])
        XCTAssertEqual(second.map { $0["evidence"] as? [Int] }, [[14], []])
        XCTAssertEqual(second.map { $0["correction"] as? [Int] }, [[], [22]])

        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["errata"] as? Int, 1)
        XCTAssertEqual(summary["errata_not_confirmed"] as? Int, 2)
        XCTAssertEqual(summary["xpass"] as? Int, 1)

        let page = try String(contentsOf: output.appendingPathComponent("01-confirmed.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("> **passed** · 2 passed · 1 erratum confirmed · 2 expected failures"), page)
        XCTAssertTrue(
            page.contains("> **Erratum** · ✓ **erratum confirmed** — the article: the gradient is (4 − ŷ) x"), page)
        XCTAssertTrue(page.contains("> - line 30: ✓ **verified** `check formula`"), page)
        XCTAssertTrue(page.contains("✓ **fails, as expected**"), "a demonstration is not called an erratum")
    }
}
