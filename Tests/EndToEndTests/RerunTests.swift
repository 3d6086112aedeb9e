import Foundation
import XCTest

/// Parallel runs and the cache: the same bytes however the book is run.
final class RerunTests: XCTestCase {
    /// Every file under `folder`, relative path → contents.
    func contents(of folder: URL) throws -> [String: Data] { try Self.contents(of: folder) }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func testParallelRunIsByteIdenticalToASerialOne() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let serial = root.appendingPathComponent("serial"), parallel = root.appendingPathComponent("parallel")
        _ = try TutorProcess.run(
            ["run", "formulas", "--output", serial.path, "--jobs", "1", "--no-cache"],
            in: TutorProcess.fixtures)
        _ = try TutorProcess.run(
            ["run", "formulas", "--output", parallel.path, "--jobs", "3", "--no-cache"],
            in: TutorProcess.fixtures)
        let a = try contents(of: serial), b = try contents(of: parallel)
        XCTAssertGreaterThan(a.count, 6)
        XCTAssertEqual(a, b)
    }

    func testUnchangedChaptersComeFromTheCache() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data("# One\n\n```tutor\ndata d = csv(\"d.csv\")\nshow sum(d)\n```\n".utf8)
            .write(to: book.appendingPathComponent("01-one.md"))
        try Data("1,2\n3,4\n".utf8).write(to: book.appendingPathComponent("d.csv"))
        try Data("# Two\n\n```tutor\nlet a = 2\nexpect a * a == 4\n```\n".utf8)
            .write(to: book.appendingPathComponent("02-two.md"))
        let arguments = ["run", "book", "--output", "out", "--cache", "cache"]

        let first = try TutorProcess.run(arguments, in: root)
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertFalse(first.standardError.contains("unchanged"))
        let written = try contents(of: root.appendingPathComponent("out"))

        let second = try TutorProcess.run(arguments, in: root)
        XCTAssertTrue(second.standardError.contains("cached  book/01-one.md"), second.standardError)
        XCTAssertTrue(second.standardError.contains("cached  book/02-two.md"), second.standardError)
        XCTAssertEqual(try contents(of: root.appendingPathComponent("out")), written, "the same bytes from the cache")

        // A changed data file runs its chapter again, and only that one.
        try Data("1,2\n3,5\n".utf8).write(to: book.appendingPathComponent("d.csv"))
        let third = try TutorProcess.run(arguments, in: root)
        XCTAssertTrue(third.standardError.contains("running book/01-one.md"), third.standardError)
        XCTAssertTrue(third.standardError.contains("cached  book/02-two.md"), third.standardError)
        let report = try String(contentsOf: root.appendingPathComponent("out/report.json"), encoding: .utf8)
        XCTAssertTrue(report.contains("\"value\": 11"), "the new data were read")

        // A changed chapter runs again; --no-cache runs everything.
        try Data("# Two\n\n```tutor\nlet a = 3\nexpect a * a == 9\n```\n".utf8)
            .write(to: book.appendingPathComponent("02-two.md"))
        let fourth = try TutorProcess.run(arguments, in: root)
        XCTAssertTrue(fourth.standardError.contains("cached  book/01-one.md"), fourth.standardError)
        XCTAssertTrue(fourth.standardError.contains("running book/02-two.md"), fourth.standardError)
        let fifth = try TutorProcess.run(arguments + ["--no-cache"], in: root)
        XCTAssertFalse(fifth.standardError.contains("unchanged"), fifth.standardError)
    }
}
