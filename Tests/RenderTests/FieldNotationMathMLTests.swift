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
        XCTAssertTrue(markup.contains("<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></munderover>"),
                      markup)
        XCTAssertTrue(mathML(#"C = \sum_i x_i"#).contains("<munder><mo>∑</mo><mi>i</mi></munder>"))
    }

    func testNormsBarsArrowsAndLeibnizDerivatives() {
        XCTAssertTrue(mathML(#"n = \|w\|^2"#).contains("<mo>‖</mo><mi>w</mi><mo>‖</mo>"))
        XCTAssertTrue(mathML(#"n = |x|"#).contains("<mo>|</mo><mi>x</mi><mo>|</mo>"))
        XCTAssertTrue(mathML(#"\theta_t \leftarrow \theta_{t-1}"#).contains("<mo>←</mo>"))
        XCTAssertTrue(mathML(#"a := b"#).contains("<mo>≔</mo>"))
        XCTAssertTrue(mathML(#"g = \frac{dC}{dw}"#).contains("<mfrac><mrow><mi>d</mi><mi>C</mi></mrow><mrow><mi>d</mi><mi>w</mi></mrow></mfrac>"))
    }
}
