import MathML
import Notation
@testable import Render
import XCTest

private let here = SourceLocation(file: "c.md", line: 1, column: 1)

private func mathML(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let reading = readFormula(latex, at: here)
    XCTAssertEqual(reading.diagnostics.map(\.description), [], latex, file: file, line: line)
    return MathML.render(reading.equations, display: true)
}

/// The field's notation is drawn as written: what was checked is what is shown.
final class FieldNotationMathMLTests: XCTestCase {
    func testASumShowsItsLimits() {
        let markup = mathML(#"C = \frac{1}{N} \sum_{i=1}^{N} x_i"#)
        XCTAssertTrue(
            markup.contains("<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></munderover>"),
            markup)
        XCTAssertTrue(mathML(#"C = \sum_i x_i"#).contains("<munder><mo>∑</mo><mi>i</mi></munder>"))
    }

    func testNormsBarsArrowsAndLeibnizDerivatives() {
        XCTAssertTrue(mathML(#"n = \|w\|^2"#).contains("<mo>‖</mo><mi>w</mi><mo>‖</mo>"))
        XCTAssertTrue(mathML(#"n = |x|"#).contains("<mo>|</mo><mi>x</mi><mo>|</mo>"))
        XCTAssertTrue(mathML(#"\theta_t \leftarrow \theta_{t-1}"#).contains("<mo>←</mo>"))
        XCTAssertTrue(mathML(#"a := b"#).contains("<mo>≔</mo>"))
        XCTAssertTrue(
            mathML(#"g = \frac{dC}{dw}"#).contains(
                "<mfrac><mrow><mi>d</mi><mi>C</mi></mrow><mrow><mi>d</mi><mi>w</mi></mrow></mfrac>"))
    }

    func testNielsensLayersAndEntriesAreDrawnAsTypeset() {
        // A bare layer has no brackets, and alone it is drawn as a power is: a^2 looks the same either way.
        XCTAssertTrue(mathML(#"d = w^l"#).contains("<msup><mi>w</mi><mi>l</mi></msup>"))
        XCTAssertEqual(
            mathML(#"d = a^2"#), mathML(#"d = y^2"#).replacingOccurrences(of: "<mi>y</mi>", with: "<mi>a</mi>"))
        XCTAssertTrue(
            mathML(#"d = w^l_{jk}"#).contains(
                "<msubsup><mi>w</mi><mrow><mi>jk</mi></mrow><mrow><mi>l</mi></mrow></msubsup>"))
        XCTAssertTrue(mathML(#"d = (w^{l+1})^T"#).contains("<mo>(</mo>"), "the transposed layer keeps its parentheses")
    }
}
