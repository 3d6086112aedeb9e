import ArgumentParser
import Foundation
import Runner
@testable import tutor
import XCTest

/// The exit status of `run` and `check`, from what the book's chapters came to.
final class ExitStatusTests: XCTestCase {
    private func chapter(_ statements: String) throws -> ChapterResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("01-a.md").path
        try "# A\n\n```tutor\n\(statements)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        return ChapterRunner(bookRoot: folder.path).run(path: path, displayPath: "01-a.md")
    }

    func testTheWorstChapterDecides() throws {
        let passed = try chapter("let x = 1\nexpect x < 2")
        let failed = try chapter("let x = 1\nexpect x > 2")
        let error = try chapter("let x = no_such_name")
        XCTAssertEqual([passed.status, failed.status, error.status], [.passed, .failed, .error])

        XCTAssertEqual(ExitCode(BookResult(chapters: [passed, passed])).rawValue, 0)
        XCTAssertEqual(ExitCode(BookResult(chapters: [passed, failed])).rawValue, 1)
        XCTAssertEqual(ExitCode(BookResult(chapters: [failed, error, passed])).rawValue, 2)
    }
}
