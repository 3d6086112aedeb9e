import Foundation
import XCTest

/// Formulas copied as their sources typeset them (PyTorch's optimizer
/// documentation, whole algorithm boxes of SGD, AdamW, Adagrad and Adadelta among it;
/// d2l's Adam, RMSProp, Adagrad, momentum and linear-regression loss, in its own
/// letters, its softmax regression and its gradient entry by entry; ReLU's derivative as an
/// indicator and as cases;
/// Nielsen's chapter 2 (BP1–BP4, his definition of the error,
/// the quadratic cost), the normal equations of linear
/// regression), each bound on a small model, with wrong variants beside the
/// right ones. The expected list (Fixtures/field-notation.statuses) is each
/// formula's true verdict, worked out by hand: a right formula passes, a
/// variant with a sign, a bias correction, a square, a square root, a transpose
/// or an inverse missing fails, and a formula tutor does not read is an error —
/// never a pass.
final class FieldNotationCorpusTests: XCTestCase {
    func testEveryFormulaOfTheCorpusGetsItsTrueVerdict() throws {
        let output = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try TutorProcess.run(
            [
                "run", "field-notation", "--output", output.path, "--format", "json",
                "--no-cache",
            ], in: TutorProcess.fixtures)
        XCTAssertEqual(process.status, 1, "every formula read: the wrong variants fail, and nothing is an error")
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var lines: [String] = []
        for chapter in report["chapters"] as? [[String: Any]] ?? [] {
            XCTAssertEqual((chapter["errors"] as? [Any])?.count, 0, "a check that cannot be made stops nothing")
            let file = (chapter["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            for check in chapter["checks"] as? [[String: Any]] ?? [] {
                // A check that only defined compared nothing: it is named so, not as a pass.
                let equations = (check["equations"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
                let status =
                    !equations.isEmpty && equations.allSatisfy { $0 == "definition" }
                    ? "definition" : check["status"] as? String ?? ""
                lines.append("\(file):\(check["line"] as? Int ?? 0) \(status)")
            }
        }
        let expected = try String(
            contentsOf: TutorProcess.fixtures.appendingPathComponent("field-notation.statuses"),
            encoding: .utf8)
        XCTAssertEqual(lines.joined(separator: "\n") + "\n", expected)
    }
}
