import MathML
import Notation
@testable import Render
import XCTest

/// An entry of a function's value is drawn as its author typeset it: the call,
/// then the index lowered beside it.
final class EntryMathMLTests: XCTestCase {
    func testTheIndexIsASubscriptOfTheWholeCall() {
        let reading = readFormula(
            #"y = \mathrm{softmax}(\mathbf{o})_j"#, at: SourceLocation(file: "c.md", line: 1, column: 1))
        XCTAssertEqual(reading.diagnostics.map(\.description), [])
        XCTAssertEqual(
            MathML.render(reading.equations, display: true),
            #"<math display="block"><mrow><mi>y</mi><mo>=</mo><msub><mrow><mi>softmax</mi><mo>&#x2061;</mo>"#
                + #"<mrow><mo>(</mo><mi>o</mi><mo>)</mo></mrow></mrow><mi>j</mi></msub></mrow></math>"#)
    }
}
