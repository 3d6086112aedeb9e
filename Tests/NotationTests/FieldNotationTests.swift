@testable import Notation
import XCTest

private let origin = SourceLocation(file: "c.md", line: 5, column: 3)

private func read(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> [Equation] {
    let reading = readFormula(latex, at: origin)
    XCTAssertEqual(reading.diagnostics.map(\.description), [], latex, file: file, line: line)
    return reading.equations
}

/// The right side of `x = latex` in prefix form.
private func tree(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    read("x = " + latex, file: file, line: line).first?.right.prefixForm
}

/// The notation of the field's sources: PyTorch's documentation, Kingma & Ba,
/// Nielsen, d2l. Each reads to the tree its meaning needs.
final class FieldNotationTests: XCTestCase {
    func testUpdatesAndDefinitionsHaveTheirOwnRelations() {
        XCTAssertEqual(read(#"\theta_t \leftarrow \theta_{t-1} - \gamma g_t"#).map(\.relation), ["←"])
        XCTAssertEqual(read(#"w \gets w - \eta g"#).map(\.relation), ["←"])
        let defined = read(#"a := b \\ c \equiv d \\ e \triangleq f"#)
        XCTAssertEqual(defined.map(\.relation), ["≔", "≡", "≜"])
        XCTAssertTrue(defined.allSatisfy(\.isDefinition))
    }

    func testNielsensBareSuperscriptsAndEntries() throws {
        let bp4 = try XCTUnwrap(read(#"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"#).first)
        guard case let .derivative(_, target) = bp4.left.kind, case let .symbol(w) = target.kind else {
            return XCTFail("\(bp4.left) is not a derivative with respect to a symbol")
        }
        XCTAssertEqual(w.name, "w")
        XCTAssertEqual(w.layerBrackets, .bare)
        XCTAssertEqual(w.components, ["j", "k"])
        XCTAssertEqual(w.layer?.description, "l")
        guard case let .binary(.juxtaposition, a, delta, _) = bp4.right.kind, case let .symbol(input) = a.kind,
            case let .symbol(error) = delta.kind
        else { return XCTFail("\(bp4.right)") }
        XCTAssertEqual(input.components, ["k"])
        XCTAssertEqual(input.layer?.prefixForm, "(- (symbol l) 1)")
        XCTAssertEqual(error.name, "δ")
        XCTAssertEqual(error.components, ["j"])
    }

    func testOnlyLayerLettersTakeABareSuperscript() throws {
        // y and g are no layer letters: their superscripts stay powers.
        XCTAssertEqual(tree("y^2"), "(^ (symbol y) 2)")
        XCTAssertEqual(tree("g^l"), "(^ (symbol g) (symbol l))")
        // On a layer letter only l, L and whole numbers are layers: ^{-1} and ^n are not.
        XCTAssertEqual(tree("a^{-1}"), "(^ (symbol a) (neg 1))")
        XCTAssertEqual(tree("a^n"), "(^ (symbol a) (symbol n))")
        guard case let .symbol(z) = try XCTUnwrap(read("x = z^{L}").first).right.kind else { return XCTFail("z^{L}") }
        XCTAssertEqual(z.layerBrackets, .bare)
        XCTAssertEqual(z.components, [])
    }

    func testAChainIsOneEquationPerLink() {
        let chain = read("a = b = c")
        XCTAssertEqual(chain.map { "\($0.left) = \($0.right)" }, ["a = b", "b = c"])
        XCTAssertEqual(chain.map(\.source), ["a = b", "b = c"])
    }

    func testStyledLettersNameTheirLetter() {
        XCTAssertEqual(
            tree(#"\mathbf{W} \mathbf{x} + \boldsymbol{\theta} + \bm{b} + \textbf{v}"#),
            "(+ (+ (+ (\u{2062} (symbol W) (symbol x)) (symbol θ)) (symbol b)) (symbol v))")
        XCTAssertEqual(tree(#"\mathcal{L} + \ell"#), "(+ (symbol ℒ) (symbol ℓ))")
        XCTAssertEqual(tree(#"\mathrm{softmax}(z)"#), "(softmax (symbol z))")
    }

    func testAnAccentOverALetterWithItsSubscript() {
        XCTAssertEqual(tree(#"\widehat{m_t} / \tilde{v_t}"#), tree(#"\hat{m}_t / \tilde{v}_t"#))
        XCTAssertEqual(tree(#"\widehat{m_t}"#), "(symbol m\u{302} step: 0)")
    }

    func testASquareWrittenBeforeTheSubscript() {
        XCTAssertEqual(tree(#"g^2_t"#), "(^ (symbol g step: 0) 2)")
    }

    func testAnObjectiveAtAStepIsApplied() {
        XCTAssertEqual(tree(#"\nabla_{\theta} f_t (\theta_{t-1})"#), "(∂ (f (symbol θ step: -1)) (symbol θ))")
    }

    func testSumsKeepTheirLimits() {
        XCTAssertEqual(tree(#"\sum_{i=1}^{n} x_i"#), "(sum (symbol x_i) index: (symbol i) from: 1 to: (symbol n))")
        XCTAssertEqual(tree(#"\sum_{x \in X} x"#), "(sum (symbol x))")
        XCTAssertEqual(
            readFormula(#"x = \sum^{n} x_i"#, at: origin).diagnostics.map(\.message),
            [#"a sum with an upper limit needs its lower one: \sum_{i=1}^{N}"#])
    }

    func testNormsAbsoluteValuesAndExtremes() {
        XCTAssertEqual(
            tree(#"\|w\|^2 + |x| + \max(z) + \min_i z_i"#),
            "(+ (+ (+ (^ (norm (symbol w)) 2) (abs (symbol x))) (max (symbol z))) (min (symbol z_i)))")
        XCTAssertEqual(tree(#"\lVert w \rVert_2"#), "(norm (symbol w))")
    }

    func testLeibnizDerivatives() {
        XCTAssertEqual(tree(#"\frac{dC}{dw}"#), "(∂ (symbol C) (symbol w))")
        XCTAssertEqual(tree(#"\frac{d}{dx} f(x)"#), "(∂ (f (symbol x)) (symbol x))")
        XCTAssertEqual(tree(#"\frac{\partial}{\partial w} C"#), "(∂ (symbol C) (symbol w))")
        XCTAssertEqual(tree(#"\frac{d}{2}"#), "(/ (symbol d) 2)", "a fraction whose denominator is no dx")
    }

    func testTagsLabelsAndSpacesAreLayout() {
        XCTAssertEqual(read(#"a = b \tag{3} \label{eq:a}"#).map { "\($0.left) = \($0.right)" }, ["a = b"])
        XCTAssertEqual(read(#"\hspace{5mm} a = b \, c"#).map { "\($0.right)" }, ["b c"])
    }
}
