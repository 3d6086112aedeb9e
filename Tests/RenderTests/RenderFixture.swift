import Foundation
import Notation
import Runner
import XCTest

/// The fixture chapter, run by the real runner, with every kind of result.
enum RenderFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let fixtures = testsFolder + "/Fixtures"
    static let golden = testsFolder + "/Golden"

    /// Formula checks do not run yet, so the `check formula … expect fail`
    /// statement's result is replaced by what a formula reader reports: an
    /// erratum confirmed (with its evidence) and one that was not.
    static let chapter: ChapterResult = {
        var result = ChapterRunner(bookRoot: fixtures)
            .run(path: fixtures + "/01-every-result.md", displayPath: "Fixtures/01-every-result.md")
        for b in result.blocks.indices {
            for s in result.blocks[b].statements.indices {
                guard case let .checkFormula(check) = result.blocks[b].statements[s].statement.kind,
                      check.expectsFailure else { continue }
                let line = result.blocks[b].statements[s].statement.location.line
                let source = result.blocks[b].statements[s].statement.source
                result.blocks[b].statements[s].findings = [
                    .check(CheckResult(
                        line: line, kind: .formula, source: source, status: .xfail,
                        maxAbsoluteError: 0.5, maxRelativeError: 0.25,
                        message: "the two sides differ, as the erratum says: left 1.5, right 2 at example 3",
                        rows: [CheckRow(subject: "∂C/∂w", passed: false, detail: "worst at entry (0, 0): left 1.5, right 2",
                                        maxAbsoluteError: 0.5, maxRelativeError: 0.25)])),
                    .check(CheckResult(
                        line: line, kind: .formula, source: source, status: .xpass,
                        maxAbsoluteError: 0, maxRelativeError: 0,
                        message: "the two sides agree at example 4, though the formula is marked as an erratum")),
                ]
            }
        }
        return result
    }()

    static let book = BookResult(chapters: [chapter])

    /// A fresh empty folder under the system's temporary folder, removed when
    /// the test ends unless `RENDER_TESTS_KEEP=1` (to look at what was written).
    static func temporaryFolder(_ name: String, for test: XCTestCase) throws -> String {
        let path = NSTemporaryDirectory() + "tutor-render-tests-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["RENDER_TESTS_KEEP"] != "1" {
            test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        }
        return path
    }
}
