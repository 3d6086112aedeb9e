import MathML
import Notation
@testable import Render
import XCTest

/// A Greek letter is drawn as LaTeX draws it, whether tutor checks the formula
/// or only typesets it; its variants name the same letter.
final class GreekLetterDrawingTests: XCTestCase {
    private let here = SourceLocation(file: "c.md", line: 1, column: 1)

    /// The `<mi>` of a checked formula `x = \command`.
    private func checked(_ command: String) -> String? {
        let reading = readFormula("x = \\" + command, at: here)
        XCTAssertEqual(reading.diagnostics, [], command)
        let markup = MathML.render(reading.equations, display: false)
        return markup.components(separatedBy: "<mo>=</mo>").last.map { String($0.prefix { $0 != "/" }) }
    }

    /// The `<mi>` of the same formula typeset only.
    private func typeset(_ command: String) -> String? {
        let markup = LaTeXTypesetting.mathML("x = \\" + command, display: false)
        return markup?.components(separatedBy: "<mo>=</mo>").last.map { String($0.prefix { $0 != "/" }) }
    }

    func testVariantsAreDrawnAsLaTeXDrawsThem() {
        XCTAssertEqual(checked("epsilon"), "<mi>ϵ<")
        XCTAssertEqual(checked("varepsilon"), "<mi>ε<")
        XCTAssertEqual(checked("phi"), "<mi>ϕ<")
        XCTAssertEqual(checked("varphi"), "<mi>φ<")
        XCTAssertEqual(checked("vartheta"), "<mi>ϑ<")
    }

    func testCheckedAndTypesetFormulasDrawEveryLetterAlike() {
        let commands = [
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
            "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho",
            "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "ell",
        ]
        for command in commands {
            XCTAssertNotNil(checked(command), command)
            XCTAssertEqual(typeset(command), checked(command), command)
        }
        XCTAssertEqual(typeset("Delta"), #"<mi mathvariant="normal">Δ<"#, "capitals upright")
    }

    func testVariantsNameTheSameLetter() {
        let reading = readFormula(#"\epsilon + \phi = \varepsilon + \varphi"#, at: here)
        XCTAssertEqual(reading.equations.first.map { "\($0.left) \($0.right)" }, "ε + φ ε + φ")
    }
}
