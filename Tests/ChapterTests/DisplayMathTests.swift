import Chapter
import Notation
import XCTest

final class DisplayMathTests: XCTestCase {
    func testAdamUpdateIsByteExact() {
        let adam = #"""
            m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t) \\
            v_t = \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2 \\
            \hat{m}_t = \frac{m_t}{1 - \beta_1^t}
            """#
        let blocks = readChapter("Adam keeps two averages:\n\n$$\n\(adam)\n$$\n\nThen it steps.\n")
            .document.blocks
        XCTAssertEqual(blocks.count, 3)
        XCTAssertEqual(blocks[1].displayMath, DisplayMath(latex: adam, location: location(4, 1)))
        XCTAssertEqual(blocks[2].prose?.source, "Then it steps.")
    }

    func testEmphasisCharactersSurvive() {
        let math = readChapter("$$ a*b*c + \\{x_1\\} $$\n").document.blocks[0].displayMath
        XCTAssertEqual(math, DisplayMath(latex: "a*b*c + \\{x_1\\}", location: location(1, 4)))
    }

    func testAlignedEnvironment() {
        let latex = "\\begin{aligned}\nz &= Wx + b \\\\\na &= \\sigma(z)\n\\end{aligned}"
        let math = readChapter("$$\(latex)$$\n").document.blocks[0].displayMath
        XCTAssertEqual(math?.latex, latex)
        XCTAssertEqual(math?.location, location(1, 3))
    }

    func testDoubleDollarsInsideAParagraphAreInlineDisplayStyle() {
        let blocks = readChapter("$$a$$ and then $$b$$\n").document.blocks
        XCTAssertNil(blocks[0].displayMath)
        XCTAssertEqual(blocks[0].prose?.inlineMath.map(\.latex), ["a", "b"])
        XCTAssertEqual(blocks[0].prose?.inlineMath.map(\.isDisplayStyle), [true, true])
    }

    func testUnclosedDisplayMathIsLocatedAndTheRestIsRead() {
        let markdown = "Text.\n\n$$\nx = 1\n\n```tutor\nshow x\n```\n"
        let (document, diagnostics) = readChapter(markdown)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location, location(3, 1))
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertEqual(diagnostics.first?.sourceLine, "$$")
        XCTAssertEqual(document.blocks.compactMap(\.directive).map(\.content), ["show x\n"])
        XCTAssertEqual(document.blocks.compactMap(\.prose).last?.source, "Text.\n\n$$\nx = 1")
    }
}
