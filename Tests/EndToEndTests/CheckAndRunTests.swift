import Foundation
import XCTest

/// `check` writes no page, so its workers draw none; its verdicts are those of `run`.
final class CheckAndRunTests: XCTestCase {
    /// What a run says of its chapters, without the timings: every located
    /// message and every row of the summary but its seconds.
    private func verdicts(_ standardError: String) -> [String] {
        standardError.split(separator: "\n").compactMap { line -> String? in
            if line.contains(": error:") || line.contains(": failed:") || line.contains(": xpass:") {
                return String(line)
            }
            guard line.hasPrefix("book/") || line.hasPrefix("total") else { return nil }
            return line.split(separator: " ").dropLast().joined(separator: " ")
        }
    }

    func testCheckAndRunAgreeOnEveryVerdict() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        for (fixture, chapters) in [
            ("errata", ["01-confirmed.md", "02-not-confirmed.md"]),
            ("broken-then-good", ["01-broken.md", "02-good.md"]),
        ] {
            for chapter in chapters {
                try FileManager.default.copyItem(
                    at: TutorProcess.fixtures.appendingPathComponent("\(fixture)/\(chapter)"),
                    to: book.appendingPathComponent("\(fixture)-\(chapter)"))
            }
        }
        let check = try TutorProcess.run(["check", "book"], in: root)
        let run = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root)
        XCTAssertEqual(check.status, run.status)
        XCTAssertEqual(verdicts(check.standardError).count, 8, check.standardError)
        XCTAssertEqual(verdicts(check.standardError), verdicts(run.standardError))
    }

    /// The worker reports `drawing` before it draws a chapter's pages, and does
    /// so only when asked, as `run` asks and `check` does not.
    func testTheWorkerDrawsPagesOnlyWhenAsked() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = root.appendingPathComponent("01-a.md")
        try Data("# A\n\n```tutor\nlet a = 2\nexpect a == 2\n```\n".utf8).write(to: chapter)
        func events(_ extra: [String]) throws -> [String] {
            let result = root.appendingPathComponent("result-\(extra.count).json")
            let process = Process()
            process.executableURL = TutorProcess.binary
            process.arguments =
                [
                    "worker", "--display=01-a.md", "--book-root=\(root.path)", "--timeout=60",
                    "--result=\(result.path)",
                ] + extra + ["--", chapter.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            XCTAssertTrue(FileManager.default.fileExists(atPath: result.path), "the worker wrote its result")
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                String($0.split(separator: " ")[0])
            }
        }
        XCTAssertFalse(try events([]).contains("drawing"))
        XCTAssertTrue(try events(["--draw-pages"]).contains("drawing"))
    }
}
