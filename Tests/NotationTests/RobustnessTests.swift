@testable import Notation
import XCTest

/// Hostile input gives located errors, never a crash or a hang.
final class RobustnessTests: XCTestCase {
    func testTenThousandNestedBrackets() {
        for (open, close) in [("(", ")"), ("[", "]"), ("f(", ")"), ("x[", "]")] {
            let text = "show " + String(repeating: open, count: 10_000) + "1" + String(repeating: close, count: 10_000)
            let block = parseDirectives(text, file: "f.md", firstLine: 3)
            XCTAssertEqual(block.statements, [])
            XCTAssertEqual(block.diagnostics.map(\.message), ["brackets nested more than 200 deep"], open)
            XCTAssertEqual(block.diagnostics.first?.location.line, 3)
            let depth201 = 6 + 200 * open.unicodeScalars.count + (open.count - 1)
            XCTAssertEqual(block.diagnostics.first?.location.column, depth201, open)
        }
    }

    func testTwoHundredNestedBracketsParse() {
        let text = String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)
        XCTAssertEqual(expression(text)?.description, "x")
    }

    func testUnclosedNestingAcrossManyLines() {
        // `show ( show ( …` reads as nested calls `show(show(…`, one per line.
        let block = parseDirectives(String(repeating: "show (\n", count: 5_000), file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics.map(\.message), ["brackets nested more than 200 deep"])
        XCTAssertEqual(block.diagnostics.first?.location, SourceLocation(file: "f.md", line: 201, column: 6))
    }

    func testLongOperatorChainsAreRefusedWithALocation() {
        for text in [
            "show " + String(repeating: "-", count: 50_000) + "x",
            "show 2" + String(repeating: "^2", count: 50_000),
            "show 1" + String(repeating: " + 1", count: 50_000),
        ] {
            let diagnostics = parseDirectives(text, file: "f.md", firstLine: 1).diagnostics
            XCTAssertEqual(diagnostics.map(\.message), ["expression nested more than 1000 levels deep"])
        }
        XCTAssertEqual(expression("1" + String(repeating: " + 1", count: 999))?.height, 1000)
    }

    func testMegabyteLines() {
        let entries = (0..<350_000).map { String($0 % 10) }.joined(separator: ", ")
        let matrix = "let x = [" + entries + "]"
        XCTAssertGreaterThan(matrix.utf8.count, 1_000_000)
        // Read in one pass: a reader quadratic in the line's length would not end
        // within the suite's time. No clock is asserted: speed is for benchmarks.
        let block = parseDirectives(matrix + "\nshow x", file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics, [])
        XCTAssertEqual(block.statements.count, 2)
        guard case .let(_, let value) = block.statements.first?.kind, case .matrix(let rows) = value.kind
        else { return XCTFail() }
        XCTAssertEqual(rows.first?.count, 350_000)

        let longName = String(repeating: "θ", count: 1_000_000)
        let comment = "show x # " + String(repeating: "#(", count: 500_000)
        let string = "data d = csv(\"" + String(repeating: "a", count: 1_000_000) + "\")"
        let garbage = "show " + String(repeating: "$", count: 1_000_000)
        let results = parseDirectives(
            [longName, comment, string, garbage].joined(separator: "\n"),
            file: "f.md", firstLine: 1)
        XCTAssertEqual(results.statements.count, 2)
        XCTAssertEqual(results.diagnostics.map(\.location.line), [1, 4])
        XCTAssertEqual(results.diagnostics.last?.location.column, 6)
        XCTAssertEqual(
            results.diagnostics.first?.message,
            "unknown statement '\(String(repeating: "θ", count: 40))…'; a statement begins with one of: seed, let, "
                + "param, data, model, loss, optimizer, train, step, check, expect, show, plot, erratum, correction, "
                + "end, notation")
        XCTAssertLessThan(results.diagnostics.first?.message.count ?? .max, 250, "long text is abbreviated")
    }

    /// Random text from the notation's own alphabet, with a fixed seed.
    func testRandomTextNeverCrashes() {
        let alphabet = Array("  \n\t()[];,:=+-*/@^.><≈±~#\"\\{}$0123456789eETxyzηθletshowparammodeldense")
        var generator = SplitMix64(seed: 7)
        var parsed = 0
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 60)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let block = parseDirectives(text, file: "f.md", firstLine: 1)
            for diagnostic in block.diagnostics {
                XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, text)
                XCTAssertNotNil(diagnostic.sourceLine, text)
            }
            do throws(Diagnostic) {
                // What parses prints as text that parses back to itself.
                let printed = try parseExpression(text).description
                parsed += 1
                XCTAssertEqual(try? parseExpression(printed).description, printed, text)
            } catch {
                XCTAssertEqual(error.location.file, "<expression>", text)
                XCTAssertGreaterThanOrEqual(error.location.column, 1, text)
                XCTAssertNotNil(error.sourceLine, text)
                XCTAssertFalse(error.message.isEmpty, text)
            }
        }
        XCTAssertGreaterThan(parsed, 0, "some random texts parse")
    }
}

/// A small deterministic generator, so that failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
