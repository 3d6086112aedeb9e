import Foundation
import XCTest

/// Each chapter runs in a worker process of its own: whatever stops one
/// chapter — memory that cannot be allocated, a time limit reached inside one
/// long operation — is that chapter's error at the statement it was running,
/// and the rest of the book is still run, rendered and reported.
final class WorkerIsolationTests: XCTestCase {
    static let good = "# Good\n\n```tutor\nlet a = 2\nexpect a * a == 4\n```\n"

    func book(_ first: String) throws -> URL {
        let root = try TutorProcess.temporaryFolder()
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data(first.utf8).write(to: book.appendingPathComponent("01-bad.md"))
        try Data(Self.good.utf8).write(to: book.appendingPathComponent("02-good.md"))
        return root
    }

    func statuses(in output: URL) throws -> [String] {
        let report = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: report) as? [String: Any])
        return (json["chapters"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
    }

    func testAnAllocationThatFailsIsTheChaptersErrorAtItsStatement() throws {
        let root = try book("# Big\n\n```tutor\nlet a = 1\nlet b = randn(12000, 12000)\nshow sum(b)\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        // 1.5 GB of address space: tutor itself fits, the 1.15 GB matrix on top does not.
        for command in ["run", "check"] {
            let process = try TutorProcess.run(
                [
                    "-c",
                    "ulimit -v 1500000; exec '\(TutorProcess.binary.path)' \(command) book"
                        + (command == "run" ? " -o out --no-cache" : ""),
                ],
                in: root, executable: URL(fileURLWithPath: "/bin/sh"))
            XCTAssertEqual(process.status, 2, process.standardError)
            XCTAssertTrue(process.standardError.contains("book/01-bad.md:5:1: error:"), process.standardError)
            XCTAssertTrue(process.standardError.contains("allocate"), process.standardError)
        }
        XCTAssertEqual(try statuses(in: root.appendingPathComponent("out")), ["error", "passed"])
        let page = try String(contentsOf: root.appendingPathComponent("out/01-bad.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("allocate"), "the page shows the error")
    }

    func testATimeLimitStopsOneLongMatrixProduct() throws {
        // One product of two 6000×6000 matrices: seconds of BLAS with no
        // evaluation step inside it, so only the kill can stop it in time.
        let root = try book("# Slow\n\n```tutor\nlet a = ones(6000, 6000)\nlet b = a @ a @ a @ a\nshow sum(b)\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let process = try TutorProcess.run(
            ["run", "book", "-o", "out", "--no-cache", "--timeout", "1"], in: root, timeout: 40)
        XCTAssertEqual(process.status, 2, process.standardError)
        XCTAssertTrue(process.standardError.contains("time limit of 1 s"), process.standardError)
        XCTAssertTrue(
            process.standardError.contains("book/01-bad.md:4:1")
                || process.standardError.contains("book/01-bad.md:5:1"),
            process.standardError)
        XCTAssertEqual(try statuses(in: root.appendingPathComponent("out")), ["error", "passed"])
    }

    /// Inline math nested 20,000 deep is drawn as source; were a page ever to
    /// crash the renderer, the book would still be written, with that chapter
    /// an error at its first line.
    func testAPageThatCannotBeDrawnIsTheChaptersErrorOnly() throws {
        let depth = 20_000
        let math = String(repeating: "\\frac{1}{", count: depth) + "x" + String(repeating: "}", count: depth)
        let root = try book("# Deep\n\nInline $\(math)$ here.\n\n```tutor\nlet x = 1\nexpect x == 1\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let process = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root)
        XCTAssertTrue([0, 2].contains(process.status), "a crash or hang: \(process.status)\n\(process.standardError)")
        let statuses = try statuses(in: root.appendingPathComponent("out"))
        XCTAssertEqual(statuses, ["passed", "passed"], "the deep formula is drawn as source")
        if statuses.first == "error" {
            XCTAssertTrue(
                process.standardError.contains("book/01-bad.md:1:1: error: the chapter ran, but drawing its pages"),
                process.standardError)
        }
        for page in ["01-bad.html", "02-good.html", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(page)").path), page)
        }
    }

    func testManyJobsRunEveryChapterOnce() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        for k in 1...9 {
            try Data("# C\(k)\n\n```tutor\nlet a = \(k)\nexpect a == \(k)\n```\n".utf8)
                .write(to: book.appendingPathComponent("0\(k)-c.md"))
        }
        let process = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache", "--jobs", "5"], in: root)
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertEqual(try statuses(in: root.appendingPathComponent("out")), Array(repeating: "passed", count: 9))
        XCTAssertEqual(process.standardError.components(separatedBy: "running ").count - 1, 9)
    }
}
