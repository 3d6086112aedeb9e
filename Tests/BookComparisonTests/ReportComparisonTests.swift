import BookComparison
import Foundation
import TutorTestSupport
import XCTest

/// report.json compared as data: noise in the last digits agrees, anything else differs.
final class ReportComparisonTests: XCTestCase {
    func differences(_ expected: String, _ actual: String) -> [String] {
        ReportComparison.differences(expected: Data(expected.utf8), actual: Data(actual.utf8))
    }

    func testTheLastDigitsOfAMeasuredNumberAgree() {
        XCTAssertEqual(differences(#"{"loss": 0.7639636632067085}"#, #"{"loss": 0.7639636632067086}"#), [])
        XCTAssertEqual(differences(#"{"value": 2.8513131873266815}"#, #"{"value": 2.851313187326682}"#), [])
    }

    func testAMeasuredNumberThatMovedDiffers() {
        XCTAssertEqual(differences(#"{"loss": 0.7639}"#, #"{"loss": 0.7640}"#).count, 1)
        XCTAssertEqual(differences(#"{"loss": 1e-3}"#, #"{"loss": 1.00001e-3}"#).count, 1)
    }

    func testIntegersAreExact() {
        XCTAssertEqual(differences(#"{"line": 41}"#, #"{"line": 42}"#), [".line: 41.0 expected, 42.0 found"])
        XCTAssertEqual(differences(#"{"shape": [2, 3]}"#, #"{"shape": [2, 4]}"#).count, 1)
    }

    func testResidualsOfComparisonsThatHeldAreNoise() {
        XCTAssertEqual(
            differences(
                #"{"status": "passed", "max_rel_error": 0}"#,
                #"{"status": "passed", "max_rel_error": 4.079e-14}"#), [])
        XCTAssertEqual(
            differences(#"{"max_abs_error": 8.8e-10}"#, #"{"max_abs_error": 0}"#), [],
            "a confirmed derivative has no status")
        XCTAssertEqual(
            differences(
                #"{"derivative_checks": [{"max_rel_error": 2.2e-7}]}"#,
                #"{"derivative_checks": [{"max_rel_error": 2.0e-6}]}"#), [])
        XCTAssertEqual(
            differences(
                #"{"status": "passed", "max_abs_error": null}"#,
                #"{"status": "passed", "max_abs_error": 0}"#
            ).count, 1, "null is not a number")
    }

    func testResidualsOfFailuresAreFindings() {
        XCTAssertEqual(
            differences(
                #"{"status": "failed", "max_abs_error": 0.5}"#,
                #"{"status": "failed", "max_abs_error": 0.25}"#
            ).count, 1)
        XCTAssertEqual(
            differences(
                #"{"status": "xfail", "max_rel_error": 0.5}"#,
                #"{"status": "xfail", "max_rel_error": 0.5000000000001}"#), [])
        XCTAssertEqual(
            differences(
                #"{"status": "passed", "max_abs_error": 0}"#,
                #"{"status": "failed", "max_abs_error": 0}"#
            ).count, 1, "the verdict is exact")
    }

    func testStructureStringsBooleansAndNullsAreExact() {
        XCTAssertEqual(differences(#"{"status": "passed"}"#, #"{"status": "failed"}"#).count, 1)
        XCTAssertEqual(differences(#"{"diverged": false}"#, #"{"diverged": true}"#).count, 1)
        XCTAssertEqual(differences(#"{"diverged": false}"#, #"{"diverged": 0}"#).count, 1, "a boolean is not a number")
        XCTAssertEqual(differences(#"{"x": null}"#, #"{"x": 0}"#).count, 1)
        XCTAssertEqual(differences(#"{"a": [1, 2]}"#, #"{"a": [1, 2, 3]}"#), [".a: 2 entries expected, 3 found"])
        XCTAssertEqual(differences(#"{"a": 1}"#, #"{"a": 1, "b": 2}"#), ["(top): unexpected field \"b\""])
        XCTAssertEqual(differences(#"{"a": 1, "b": 2}"#, #"{"a": 1}"#), ["(top): field \"b\" is missing"])
    }

    func testTheKeyOfANumberInsideAnArrayIsItsField() {
        XCTAssertEqual(differences(#"{"log": [{"loss": 0.25}]}"#, #"{"log": [{"loss": 0.2500000000000001}]}"#), [])
        XCTAssertEqual(differences(#"{"max_rel_error": [0, 0]}"#, #"{"max_rel_error": [1e-12, 0]}"#), [])
        XCTAssertEqual(
            differences(
                #"{"status": "failed", "x": [{"max_rel_error": 0.1}]}"#,
                #"{"status": "failed", "x": [{"max_rel_error": 0.2}]}"#), [],
            "an inner object without a status held")
    }

    func testNotJSONIsADifference() {
        XCTAssertEqual(differences("{", "{}"), ["the expected report is not JSON"])
        XCTAssertEqual(differences("{}", "nope"), ["the report is not JSON"])
    }

    func testFoldersComparePagesAsBytesAndReportsAsData() throws {
        let root = try TemporaryFolder.create("compare")
        defer { try? FileManager.default.removeItem(at: root) }
        let e = root.appendingPathComponent("e"), a = root.appendingPathComponent("a")
        for folder in [e, a] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("fig"), withIntermediateDirectories: true)
        }
        try Data("<p>1</p>\n".utf8).write(to: e.appendingPathComponent("01.html"))
        try Data("<p>1</p>\n".utf8).write(to: a.appendingPathComponent("01.html"))
        try Data(#"{"loss": 0.1}"#.utf8).write(to: e.appendingPathComponent("report.json"))
        try Data(#"{"loss": 0.10000000000000002}"#.utf8).write(to: a.appendingPathComponent("report.json"))
        try Data("<svg/>".utf8).write(to: e.appendingPathComponent("fig/a.svg"))
        try Data("<svg/>".utf8).write(to: a.appendingPathComponent("fig/a.svg"))
        XCTAssertEqual(try FolderComparison.differences(expected: e, actual: a), [])

        try Data("<p>2</p>\n".utf8).write(to: a.appendingPathComponent("01.html"))
        try Data("x".utf8).write(to: a.appendingPathComponent("extra.md"))
        try FileManager.default.removeItem(at: a.appendingPathComponent("fig/a.svg"))
        XCTAssertEqual(
            try FolderComparison.differences(expected: e, actual: a),
            ["fig/a.svg: missing", "extra.md: not expected", "01.html: differs from line 1"])
    }
}
