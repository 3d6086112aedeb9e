import Foundation
import XCTest

/// The command line as a user meets it: help texts pinned to the byte
/// (Fixtures/help/*.txt; UPDATE_GOLDEN=1 rewrites them), and the conventions
/// of git and cargo for mistakes.
final class HelpTextTests: XCTestCase {
    /// Standard output, standard error and status of tutor with `arguments`.
    func tutor(_ arguments: [String], in directory: URL? = nil) throws -> (out: String, err: String, status: Int32) {
        let process = Process()
        process.executableURL = TutorProcess.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
            process.terminationStatus
        )
    }

    func assertHelp(_ arguments: [String], golden name: String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let (out, _, status) = try tutor(arguments)
        XCTAssertEqual(status, 0, file: file, line: line)
        let url = TutorProcess.fixtures.appendingPathComponent("help").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try out.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(
            out, try String(contentsOf: url, encoding: .utf8),
            "tutor \(arguments.joined(separator: " ")) differs from Fixtures/help/\(name)", file: file, line: line)
    }

    func testTopLevelHelp() throws { try assertHelp(["--help"], golden: "tutor.txt") }
    func testRunHelp() throws { try assertHelp(["run", "--help"], golden: "run.txt") }
    func testCheckHelp() throws { try assertHelp(["check", "--help"], golden: "check.txt") }
    func testPreviewHelp() throws { try assertHelp(["preview", "--help"], golden: "preview.txt") }

    func testHelpStatesDefaultsOnceAndHonestly() throws {
        for command in ["run", "check"] {
            let (out, _, _) = try tutor([command, "--help"])
            XCTAssertTrue(out.contains("-q, --quiet"), out)
            XCTAssertTrue(
                out.contains("(default: the number\n                          of cores)")
                    || out.contains("(default: the number of cores)"), out)
            XCTAssertFalse(out.contains("(default: 2)"), "the machine's core count is not the default: \(out)")
            XCTAssertFalse(out.contains("300.0"), out)
            XCTAssertTrue(
                out.contains("tutor \(command) chapters/"), "\(command) --help shows its own examples: \(out)")
            XCTAssertFalse(
                out.contains("tutor \(command == "run" ? "check" : "run") "), "and not the other command's: \(out)")
        }
    }

    func testAMisspelledCommandGetsASuggestion() throws {
        let folder = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, err, status) = try tutor(["chek", "chapters/"], in: folder)
        XCTAssertEqual(status, 64)
        XCTAssertEqual(err, "tutor: unknown command 'chek'; did you mean 'check'?\n")
        XCTAssertEqual(try tutor(["rnu"], in: folder).err, "tutor: unknown command 'rnu'; did you mean 'run'?\n")
        let far = try tutor(["frobnicate"], in: folder)
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.err.contains("no such file or folder: frobnicate"), far.err)
    }

    func testAFileNamedLikeACommandIsStillAChapterFolder() throws {
        let folder = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("chek"), withIntermediateDirectories: true)
        let (_, err, status) = try tutor(["chek"], in: folder)
        XCTAssertEqual(status, 64)
        XCTAssertTrue(err.contains("no chapters (*.md) in chek"), err)
    }

    func testANegativeTimeoutIsRefusedWithAReason() throws {
        for arguments in [["check", "--timeout", "-1", "x"], ["check", "--timeout=-1", "x"]] {
            let (_, err, status) = try tutor(arguments)
            XCTAssertEqual(status, 64)
            XCTAssertTrue(
                err.contains("--timeout must be a number of seconds above 0 and at most 604800 (a week), not -1"), err)
            XCTAssertFalse(err.contains("Missing value"), err)
        }
        XCTAssertTrue(try tutor(["check", "-j", "-2", "x"]).err.contains("--jobs must be at least 1, not -2"))
    }

    func testVersionStillAnswers() throws {
        let (out, _, status) = try tutor(["--version"])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.hasPrefix("tutor "), out)
    }
}
