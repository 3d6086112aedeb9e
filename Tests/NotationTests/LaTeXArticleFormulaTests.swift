@testable import Notation
import XCTest

/// Every formula of the five articles, written exactly as there, reads without an
/// error into the tree its mathematics means.
final class LaTeXArticleFormulaTests: XCTestCase {
    static let formulas: [(label: String, latex: String, equations: [String])] = [
        ("A0.1", #"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#, ["δ^{(l)} = ∂C/∂z^{(l)}"]),
        (
            "A0.2",
            #"\delta^{(L)} = \frac{\partial C}{\partial a^{(L)}} \cdot \frac{\partial a^{(L)}}{\partial z^{(L)}}"#,
            ["δ^{(L)} = ∂C/∂a^{(L)} * (∂a^{(L)}/∂z^{(L)})"]
        ),
        (
            "A0.3",
            #"\delta^{(l)} = \left( (W^{(l+1)})^T \delta^{(l+1)} \right) \cdot \frac{\partial a^{(l)}}{\partial z^{(l)}}"#,
            ["δ^{(l)} = W^{(l + 1)}.T δ^{(l + 1)} * (∂a^{(l)}/∂z^{(l)})"]
        ),
        (
            "A0.4", #"\frac{\partial C}{\partial W^{(l)}} = \delta^{(l)} (a^{(l-1)})^T"#,
            ["∂C/∂W^{(l)} = δ^{(l)} a^{(l - 1)}.T"]
        ),
        ("A0.5", #"\frac{\partial C}{\partial b^{(l)}} = \delta^{(l)}"#, ["∂C/∂b^{(l)} = δ^{(l)}"]),
        ("A0.6", #"\theta = \theta - \eta \frac{\partial C}{\partial \theta}"#, ["θ = θ - η (∂C/∂θ)"]),
        ("A1.1", #"z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}"#, ["z^{(l)} = W^{(l)} a^{(l - 1)} + b^{(l)}"]),
        ("A1.2", #"a^{[l]} = f(z^{[l]})"#, ["a^{(l)} = f(z^{(l)})"]),
        ("A1.3", #"\delta^{[l]} = \frac{\partial L}{\partial z^{[l]}}"#, ["δ^{(l)} = ∂L/∂z^{(l)}"]),
        (
            "A1.4", #"\delta^{[l]} = (W^{[l+1]T} \delta^{[l+1]}) * f'(z^{[l]})"#,
            ["δ^{(l)} = W^{(l + 1)}.T δ^{(l + 1)} * f'(z^{(l)})"]
        ),
        (
            "A1.5", #"\frac{\partial L}{\partial W^{[l]}} = \delta^{[l]} a^{[l-1]T}"#,
            ["∂L/∂W^{(l)} = δ^{(l)} a^{(l - 1)}.T"]
        ),
        ("A1.6", #"\frac{\partial L}{\partial b^{[l]}} = \delta^{[l]}"#, ["∂L/∂b^{(l)} = δ^{(l)}"]),
        ("A1.7", #"\theta = \theta - \alpha \frac{\partial L}{\partial \theta}"#, ["θ = θ - α (∂L/∂θ)"]),
        ("A2.1", #"h = f(Wx + b)"#, ["h = f(W x + b)"]),
        ("A2.2", #"L = \frac{1}{2}(y - h)^2"#, ["L = 1 / 2 (y - h)^2"]),
        (
            "A2.3", #"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h} \frac{\partial h}{\partial W}"#,
            ["∂L/∂W = ∂L/∂h (∂h/∂W)"]
        ),
        ("A2.4", #"\frac{\partial L}{\partial h} = h - y"#, ["∂L/∂h = h - y"]),
        ("A2.5", #"\frac{\partial h}{\partial W} = x"#, ["∂h/∂W = x"]),
        ("A2.6", #"\frac{\partial L}{\partial W} = (h - y) x"#, ["∂L/∂W = (h - y) x"]),
        ("A3.1", #"\nabla L(\theta) = 0"#, ["∂L(θ)/∂θ = 0"]),
        (
            "A3.2", #"\theta_{t+1} = \theta_t - \alpha \nabla L(\theta_t)"#,
            ["θ_{t+1} = θ_{t} - α (∂L(θ_{t})/∂θ_{t})"]
        ),
        ("A3.3", #"\delta_j = \frac{\partial L}{\partial z_j}"#, ["δ_j = ∂L/∂z_j"]),
        ("A3.4", #"w_{ij} = w_{ij} - \alpha \delta_j x_{ji}"#, ["w_ij = w_ij - α δ_j x_ji"]),
        ("A3.5", #"L(y, \hat{y}) = \frac{1}{2}(y - \hat{y})^2"#, ["L(y, y\u{302}) = 1 / 2 (y - y\u{302})^2"]),
        ("A3.6", #"\delta = y - \hat{y}"#, ["δ = y - y\u{302}"]),
        ("A3.7", #"\frac{\partial L}{\partial w} = \delta x"#, ["∂L/∂w = δ x"]),
        ("A3.8", #"w_{new} = w_{old} - \alpha \frac{\partial L}{\partial w}"#, ["w_new = w_old - α (∂L/∂w)"]),
        (
            "A4.1", #"\theta_{t+1} = \theta_t - \eta \nabla_{\theta} J(\theta_t)"#,
            ["θ_{t+1} = θ_{t} - η (∂J(θ_{t})/∂θ)"]
        ),
        (
            "A4.2", #"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t)"#,
            ["v_{t} = γ v_{t-1} + η (∂J(θ_{t})/∂θ)"]
        ),
        ("A4.2", #"\theta_{t+1} = \theta_t - v_t"#, ["θ_{t+1} = θ_{t} - v_{t}"]),
        (
            "A4.3", #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t)"#,
            ["m_{t} = β_1 m_{t-1} + (1 - β_1) (∂J(θ_{t})/∂θ)"]
        ),
        (
            "A4.3", #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2"#,
            ["v_{t} = β_2 v_{t-1} + (1 - β_2) (∂J(θ_{t})/∂θ)^2"]
        ),
        ("A4.3", #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}"#, ["m\u{302}_{t} = m_{t} / (1 - β_1^t)"]),
        ("A4.3", #"\hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#, ["v\u{302}_{t} = v_{t} / (1 - β_2^t)"]),
        (
            "A4.3", #"\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{\hat{v}_t} + \epsilon} \hat{m}_t"#,
            ["θ_{t+1} = θ_{t} - η / (sqrt(v\u{302}_{t}) + ε) m\u{302}_{t}"]
        ),
    ]

    func testEveryArticleFormulaReads() {
        for formula in Self.formulas {
            let reading = readFormula(formula.latex, at: SourceLocation(file: "a.md", line: 1, column: 3))
            XCTAssertEqual(reading.diagnostics, [], formula.label)
            XCTAssertEqual(
                reading.equations.map { "\($0.left) \($0.relation) \($0.right)" }, formula.equations,
                formula.label)
        }
    }

    func testTheMomentumPairReadsAsOneFormula() {
        let latex = #"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t), \quad \theta_{t+1} = \theta_t - v_t"#
        let reading = readFormula(latex, at: SourceLocation(file: "a.md", line: 1, column: 1))
        XCTAssertEqual(reading.diagnostics, [])
        XCTAssertEqual(
            reading.equations.map(\.source),
            [
                #"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t)"#, #"\theta_{t+1} = \theta_t - v_t"#,
            ])
    }

    func testAdamReadsAsAnAlignedBlock() {
        let latex = #"""
            \begin{aligned}
            m_t &= \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t) \\
            v_t &= \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2 \\
            \hat{m}_t &= \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t} \\
            \theta_{t+1} &= \theta_t - \frac{\eta}{\sqrt{\hat{v}_t} + \epsilon} \hat{m}_t
            \end{aligned}
            """#
        let reading = readFormula(latex, at: SourceLocation(file: "a.md", line: 10, column: 3))
        XCTAssertEqual(reading.diagnostics, [])
        XCTAssertEqual(
            reading.equations.map(\.left.description), ["m_{t}", "v_{t}", "m\u{302}_{t}", "v\u{302}_{t}", "θ_{t+1}"])
        XCTAssertEqual(reading.equations.map(\.location.line), [11, 12, 13, 13, 14])
        XCTAssertEqual(reading.equations.map(\.location.column), [1, 1, 1, 47, 1])
    }

    /// The layer index is an expression; the time step an offset.
    func testLayersAndStepsAreStructured() throws {
        let reading = readFormula(#"\theta_{t+1} = W^{[l+1]T}"#, at: SourceLocation(file: "a.md", line: 1, column: 1))
        let equation = try XCTUnwrap(reading.equations.first)
        guard case .symbol(let theta) = equation.left.kind else { return XCTFail("\(equation.left)") }
        XCTAssertEqual(theta.name, "θ")
        XCTAssertEqual(theta.step, 1)
        XCTAssertEqual(theta.latex, #"\theta_{t+1}"#)
        guard case .transpose(let w) = equation.right.kind, case .symbol(let weights) = w.kind else {
            return XCTFail("\(equation.right)")
        }
        XCTAssertEqual(weights.layerBrackets, .squareBrackets)
        XCTAssertEqual(weights.layer?.prefixForm, "(+ (symbol l) 1)")
        XCTAssertEqual(weights.latex, "W^{[l+1]T}")
        XCTAssertEqual(equation.right.spelling, "^{…T}")
    }
}
