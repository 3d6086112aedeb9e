@testable import Notation
import XCTest

private let origin = SourceLocation(file: "c.md", line: 5, column: 3)

/// What PyTorch's Adadelta box needs of the reader: `\Delta x` as one name, and a
/// branch whose `if` is written in plain letters.
final class AdadeltaNotationTests: XCTestCase {
    private func right(_ latex: String) -> String? {
        let reading = readFormula("y = " + latex, at: origin)
        XCTAssertEqual(reading.diagnostics.map(\.description), [], latex)
        return reading.equations.first?.right.prefixForm
    }

    func testTheChangeOfALetterIsOneName() {
        XCTAssertEqual(right(#"\Delta x_t"#), "(symbol Δx step: 0)")
        XCTAssertEqual(right(#"\Delta x^2_t"#), "(^ (symbol Δx step: 0) 2)")
        XCTAssertEqual(right(#"\gamma \Delta x_t"#), "(\u{2062} (symbol γ) (symbol Δx step: 0))")
        // Before anything but a letter, Δ is the letter itself.
        XCTAssertEqual(right(#"\Delta (x)"#), "(\u{2062} (symbol Δ) (symbol x))")
    }

    func testAPlainIfGovernsTheRowsIndentedUnderIt() throws {
        let reading = readFormula(
            #"""
            \begin{aligned}
            &\textbf{for} \: t=1 \: \textbf{to} \: \ldots \: \textbf{do} \\
            &\hspace{5mm}if \: \lambda \neq 0 \\
            &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
            &\hspace{5mm}\theta_t \leftarrow \theta_{t-1} - \gamma g_t
            \end{aligned}
            """#, at: origin)
        XCTAssertEqual(reading.diagnostics.map(\.description), [])
        XCTAssertEqual(reading.equations.map { $0.conditions.map(\.source) }, [[#"\lambda \neq 0"#], []])
        XCTAssertEqual(reading.equations.first?.conditions.first?.holds, true)
        let keywords = reading.rows.compactMap { row -> String? in
            if case let .keyword(word, _, _, _) = row.kind { return word } else { return nil }
        }
        XCTAssertEqual(keywords, ["for", "if"])
    }

    func testLettersWrittenOnAreNoKeyword() {
        // `if=…` and `iff` start equations, as any letters do.
        let reading = readFormula(
            #"""
            \begin{aligned}
            &\textbf{for} \: t=1 \: \textbf{to} \: \ldots \: \textbf{do} \\
            &\hspace{5mm}if=2 \\
            &\hspace{5mm}iff = 3
            \end{aligned}
            """#, at: origin)
        XCTAssertEqual(reading.diagnostics.map(\.description), [])
        XCTAssertEqual(
            reading.equations.map(\.left.prefixForm),
            [
                "(\u{2062} (symbol i) (symbol f))",
                "(\u{2062} (\u{2062} (symbol i) (symbol f)) (symbol f))",
            ])
    }
}
