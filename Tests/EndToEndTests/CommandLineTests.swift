import BookComparison
import Foundation
import XCTest

/// The built binary on fixture books: exit statuses, messages, report.json.
final class CommandLineTests: XCTestCase {
    /// Runs `tutor run` on a fixture book (from the fixtures folder, so paths in
    /// messages and reports are relative) and returns the outcome and report.
    func runBook(_ name: String) throws -> (TutorProcess, [String: Any]) {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            ["run", name, "--output", output.path, "--format", "json", "--no-cache"],
            in: TutorProcess.fixtures)
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (process, report)
    }

    func chapters(_ report: [String: Any]) -> [[String: Any]] { report["chapters"] as? [[String: Any]] ?? [] }

    func testPassingBookExitsZero() throws {
        let (process, report) = try runBook("passing")
        XCTAssertEqual(process.status, 0, process.standardError)
        let chapter = try XCTUnwrap(chapters(report).first)
        XCTAssertEqual(chapter["status"] as? String, "passed")
        XCTAssertEqual((chapter["checks"] as? [Any])?.count, 3)
        XCTAssertTrue(process.standardError.contains("passing/01-line.md"), "the summary names the chapter")
    }

    func testPassingBookReportIsGolden() throws {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            ["run", "passing", "--output", output.path, "--format", "json", "--no-cache"],
            in: TutorProcess.fixtures)
        XCTAssertEqual(process.status, 0, process.standardError)
        let actual = try String(contentsOf: output.appendingPathComponent("report.json"), encoding: .utf8)
        let goldenURL = TutorProcess.fixtures.appendingPathComponent("passing.report.json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        // As data: full-precision numbers move in their last digits with the BLAS kernel.
        XCTAssertEqual(
            ReportComparison.differences(expected: try Data(contentsOf: goldenURL), actual: Data(actual.utf8)), [],
            "report.json differs from Fixtures/passing.report.json (UPDATE_GOLDEN=1 rewrites it)")
    }

    func testFailedExpectationExitsOne() throws {
        let (process, report) = try runBook("failing-expect")
        XCTAssertEqual(process.status, 1, process.standardError)
        let checks = try XCTUnwrap(chapters(report).first?["checks"] as? [[String: Any]])
        XCTAssertEqual(checks.map { $0["status"] as? String }, ["passed", "failed"])
        XCTAssertEqual(checks[1]["line"] as? Int, 6)
        XCTAssertEqual(
            (chapters(report).first?["shows"] as? [Any])?.count, 1, "a failed check does not stop the chapter")
    }

    func testSyntaxErrorsExitTwoWithLocations() throws {
        let (process, report) = try runBook("syntax-error")
        XCTAssertEqual(process.status, 2)
        XCTAssertTrue(process.standardError.contains("syntax-error/01-typo.md:5:1: error:"), process.standardError)
        XCTAssertTrue(process.standardError.contains("did you mean 'train'?"), process.standardError)
        XCTAssertTrue(
            process.standardError.contains("syntax-error/01-typo.md:6:"), "every error of the block is reported")
        let errors = try XCTUnwrap(chapters(report).first?["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { $0["line"] as? Int }, [5, 6])
        XCTAssertEqual(
            (chapters(report).first?["shows"] as? [Any])?.count, 0, "statements after a syntax error do not run")
    }

    func testShapeErrorExitsTwoAndNamesBothShapes() throws {
        let (process, report) = try runBook("shape-error")
        XCTAssertEqual(process.status, 2)
        XCTAssertTrue(
            process.standardError.contains("shape-error/01-shapes.md:6:11: error: +: shapes 2×3 and 3×2 do not match"),
            process.standardError)
        XCTAssertTrue(process.standardError.contains("let c = a + b\n          ^"), "a caret under the operator")
        let chapter = try XCTUnwrap(chapters(report).first)
        XCTAssertEqual(chapter["status"] as? String, "error")
        XCTAssertEqual((chapter["shows"] as? [Any])?.count, 0, "the rest of the chapter is not run")
    }

    func testBrokenChapterDoesNotStopTheNext() throws {
        let (process, report) = try runBook("broken-then-good")
        XCTAssertEqual(process.status, 2)
        let all = chapters(report)
        XCTAssertEqual(all.map { $0["status"] as? String }, ["error", "passed"])
        XCTAssertTrue(process.standardError.contains("unknown name 'nothing_here'"), process.standardError)
    }

    func testWrongCommandLineExits64() throws {
        XCTAssertEqual(try TutorProcess.run(["run", "--format", "pdf", "x"]).status, 64)
        XCTAssertEqual(try TutorProcess.run(["run", "/no/such/folder"]).status, 64)
        XCTAssertEqual(try TutorProcess.run(["frobnicate"]).status, 64)
    }

    func testCheckWritesNothing() throws {
        let folder = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try TutorProcess.run(
            ["check", TutorProcess.fixtures.appendingPathComponent("passing").path], in: folder)
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testHelpExplainsTheOptions() throws {
        let process = Process()
        process.executableURL = TutorProcess.binary
        process.arguments = ["run", "--help"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for word in ["--output", "--format", "Example"] { XCTAssertTrue(text.contains(word), text) }
    }
}

/// Every formula of the five articles, written as the articles write it and
/// checked on small models. The numbers decide each status; the expected list
/// (Fixtures/formulas.statuses) records what they decided.
final class ArticleFormulaTests: XCTestCase {
    func testEveryArticleFormulaGetsItsVerdict() throws {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            ["run", "formulas", "--output", output.path, "--format", "json", "--no-cache"],
            in: TutorProcess.fixtures)
        XCTAssertEqual(process.status, 1, "some article formulas are wrong: the book has failed checks")
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var lines: [String] = []
        for chapter in report["chapters"] as? [[String: Any]] ?? [] {
            XCTAssertEqual((chapter["errors"] as? [Any])?.count, 0, "\(chapter["errors"] ?? "")")
            let file = (chapter["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            for check in chapter["checks"] as? [[String: Any]] ?? [] {
                lines.append("\(file):\(check["line"] as? Int ?? 0) \(check["status"] as? String ?? "")")
            }
        }
        let expected = try String(
            contentsOf: TutorProcess.fixtures.appendingPathComponent("formulas.statuses"),
            encoding: .utf8)
        XCTAssertEqual(lines.joined(separator: "\n") + "\n", expected)
    }
}
