import Notation

/// Presentation MathML drawn from the expression tree a formula was read into, so
/// that the formula a reader sees is the one that was checked.
///
/// Operators appear as their author spelled them (`\cdot` as ⋅, `\odot` as ⊙),
/// `\frac` and derivatives as fractions, juxtaposition as invisible times, the
/// brackets the author wrote, and parentheses of its own only where the tree's
/// structure needs them and none were written.
public enum MathML {
    /// A `<math>` element: one equation as a row, several as a table aligned at `=`.
    /// Inside an HTML page the namespace is implied; `namespace` names it for XML.
    public static func render(_ equations: [Equation], display: Bool, namespace: Bool = false) -> String {
        let body: String
        if equations.count == 1, let equation = equations.first {
            body = mrow(render(equation.left) + mo(equation.relation) + render(equation.right))
        } else {
            let rows = equations.map { equation in
                "<mtr><mtd>" + render(equation.left) + "</mtd><mtd>"
                    + mrow(mo(equation.relation) + render(equation.right)) + "</mtd></mtr>"
            }
            body =
                #"<mtable class="equations" columnalign="right left" columnspacing="0">"# + rows.joined() + "</mtable>"
        }
        return element(body, display: display, namespace: namespace)
    }

    /// The `<math>` element around `body`, as a block or inline.
    public static func element(_ body: String, display: Bool, namespace: Bool = false) -> String {
        let xmlns = namespace ? #" xmlns="http://www.w3.org/1998/Math/MathML""# : ""
        return "<math\(xmlns) display=\"\(display ? "block" : "inline")\">" + body + "</math>"
    }

    /// The presentation markup of one expression, without the `<math>` element,
    /// inside the brackets its author wrote around it.
    public static func render(_ expr: Expr) -> String {
        expr.brackets.reduce(renderUnbracketed(expr)) { inner, bracket in
            let pair = Array(bracket.rawValue)
            return mrow(mo(String(pair[0])) + inner + mo(String(pair[1])))
        }
    }

    private static func renderUnbracketed(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let value):
            let digits = "<mn>" + escaped(expr.description.trimmingPrefix("-")) + "</mn>"
            return value.sign == .minus ? mrow(mo("\u{2212}") + digits) : digits
        case .string(let text):
            return "<ms>" + escaped(text) + "</ms>"
        case .name(let name):
            return mi(name)
        case .matrix(let rows):
            let cells = rows.map { "<mtr>" + $0.map { "<mtd>" + render($0) + "</mtd>" }.joined() + "</mtr>" }
            return mrow(mo("[") + "<mtable>" + cells.joined() + "</mtable>" + mo("]"))
        case .call("sqrt", let arguments) where arguments.count == 1:
            return "<msqrt>" + render(arguments[0].value) + "</msqrt>"
        case .call("sum", let arguments) where arguments.first?.label == nil:
            let term = arguments[0].value
            return mrow(sumSign(arguments) + operand(term, if: level(of: term) < .multiplicative))
        case .call("norm", let arguments) where arguments.count == 1:
            return mrow(mo("\u{2016}") + render(arguments[0].value) + mo("\u{2016}"))
        case .call("abs", let arguments) where arguments.count == 1 && expr.spelling == "|":
            return mrow(mo("|") + render(arguments[0].value) + mo("|"))
        case .call(PiecewiseNames.cases, let arguments):
            // A brace, then one row per case: its value, and its condition or "otherwise".
            let rows = stride(from: 0, to: arguments.count - 1, by: 2).map { k in
                let condition = arguments[k + 1]
                let when =
                    condition.label == PiecewiseNames.otherwise ? "<mtext>otherwise</mtext>" : render(condition.value)
                return "<mtr><mtd>" + render(arguments[k].value) + "</mtd><mtd>" + when + "</mtd></mtr>"
            }
            return mrow(mo("{") + #"<mtable class="cases" columnalign="left left">"# + rows.joined() + "</mtable>")
        case .call(let name, let arguments):
            return mrow(mi(name) + mo("\u{2061}") + argumentList(arguments.map(\.value)))
        case .negate(let operand):
            return mrow(mo("\u{2212}") + self.operand(operand, if: level(of: operand) < .power))
        case .binary(.divide, let numerator, let denominator, _) where isFraction(expr):
            return "<mfrac>" + render(numerator) + render(denominator) + "</mfrac>"
        case .binary(.power, let base, let exponent, _)
        where expr.spelling?.hasSuffix("^") == true && base.kind.isCall:
            // `\tanh^2(x)`: the power on the function's name, as its author wrote it.
            guard case let .call(name, arguments) = base.kind else { return "" }
            return mrow(
                "<msup>" + mi(name) + render(exponent) + "</msup>" + mo("\u{2061}")
                    + argumentList(arguments.map(\.value)))
        case .binary(.power, let base, let exponent, _):
            return "<msup>" + operand(base, if: level(of: base) <= .power || hasLayer(base)) + render(exponent)
                + "</msup>"
        case .binary(let op, let left, let right, _):
            let binding = op.precedence
            return mrow(
                operand(left, if: level(of: left) < binding)
                    + mo(operatorText(for: op, spelled: expr.spelling))
                    + operand(right, if: level(of: right) <= binding))
        case .transpose(let operand):
            return transpose(operand, spelled: expr.spelling)
        case .row(let matrix, let index):
            return mrow(operand(matrix, if: level(of: matrix) < .postfix) + mo("[") + render(index) + mo("]"))
        case .symbol(let symbol):
            return render(symbol, transposed: false)
        case .derivative(let of, let withRespectTo):
            if expr.spelling?.hasPrefix("\\nabla") == true || expr.spelling == "\\partial_" {
                let sign = expr.spelling == "\\partial_" ? mo("\u{2202}") : mo("\u{2207}")
                let nabla = expr.spelling == "\\nabla" ? sign : "<msub>" + sign + render(withRespectTo) + "</msub>"
                return mrow(nabla + operand(of, if: level(of: of) < .postfix))
            }
            // Leibniz's d where the source wrote it, ∂ otherwise.
            let d = expr.spelling?.contains("{d}") == true ? mi("d") : mo("\u{2202}")
            if expr.isDerivativeOperator {
                // `∂/∂x (…)`: the operator before its operand, as written.
                let fraction =
                    "<mfrac>" + d + mrow(d + operand(withRespectTo, if: level(of: withRespectTo) < .postfix))
                    + "</mfrac>"
                return mrow(fraction + operand(of, if: level(of: of) < .multiplicative))
            }
            return "<mfrac>" + mrow(d + operand(of, if: level(of: of) < .postfix))
                + mrow(d + operand(withRespectTo, if: level(of: withRespectTo) < .postfix))
                + "</mfrac>"
        case .prime(let function, let argument):
            return mrow(mi(function) + prime + mo("\u{2061}") + argumentList([argument]))
        case .entry(let operand, let indices):
            return "<msub>" + self.operand(operand, if: level(of: operand) < .postfix) + mi(indices.joined())
                + "</msub>"
        }
    }

    /// ∑ with what was written under and over it: `i`, or `i = 1` and `N`.
    private static func sumSign(_ arguments: [Argument]) -> String {
        func limit(_ label: String) -> Expr? { arguments.first { $0.label == label }?.value }
        let sign = mo("\u{2211}")
        var under = limit(SumLimits.index).map(render)
        if let lower = limit(SumLimits.lower) {
            under = mrow((under.map { $0 + mo("=") } ?? "") + render(lower))
        }
        switch (under, limit(SumLimits.upper)) {
        case let (under?, upper?): return "<munderover>" + sign + under + render(upper) + "</munderover>"
        case let (under?, nil): return "<munder>" + sign + under + "</munder>"
        case let (nil, upper?): return "<mover>" + sign + render(upper) + "</mover>"
        case (nil, nil): return sign
        }
    }

    /// `W^{(l)}`, `θ_{t+1}`, `m̂_t`, `w_ij`; with `transposed`, the T joins the layer
    /// superscript as in `W^{[l+1]T}`.
    private static func render(_ symbol: FormulaSymbol, transposed: Bool) -> String {
        let (base, accent, subscriptName) = symbol.typesetName
        var letter = mi(base)
        if let accent {
            letter = #"<mover accent="true">"# + letter + mo(accent == "^" ? hat : accent) + "</mover>"
        }
        var subscripts: [String] = []
        if let subscriptName { subscripts.append(mi(subscriptName)) }
        if !symbol.components.isEmpty { subscripts.append(mi(symbol.components.joined())) }
        if let step = symbol.step {
            let offset = step == 0 ? "" : mo(step > 0 ? "+" : "\u{2212}") + "<mn>\(abs(step))</mn>"
            subscripts.append(mi("t") + offset)
        }
        var superscript: String?
        if let layer = symbol.layer {
            switch symbol.layerBrackets {
            case .parentheses: superscript = mo("(") + render(layer) + mo(")")
            case .squareBrackets: superscript = mo("[") + render(layer) + mo("]")
            case .bare: superscript = render(layer)
            }
            if transposed { superscript? += transposeMark("T") }
        }
        let sub = subscripts.isEmpty ? nil : mrow(subscripts.joined(separator: mo(",")))
        // A bare superscript alone (`w^l`, `a^2`) is drawn as a power is, whichever it means.
        if sub == nil, symbol.layerBrackets == .bare, let layer = symbol.layer, !transposed {
            return "<msup>" + letter + render(layer) + "</msup>"
        }
        switch (sub, superscript) {
        case let (sub?, sup?): return "<msubsup>" + letter + sub + mrow(sup) + "</msubsup>"
        case let (sub?, nil): return "<msub>" + letter + sub + "</msub>"
        case let (nil, sup?): return "<msup>" + letter + mrow(sup) + "</msup>"
        case (nil, nil): return letter
        }
    }

    /// `X^T`, `X^⊤`, or the T inside a layer superscript when the source wrote it there.
    private static func transpose(_ operand: Expr, spelled spelling: String?) -> String {
        let mark = spelling?.contains("\\top") == true ? "\u{22A4}" : "T"
        if spelling?.hasPrefix("^{…") == true, case .symbol(let symbol) = operand.kind, symbol.layer != nil {
            return render(symbol, transposed: true)
        }
        return "<msup>" + self.operand(operand, if: level(of: operand) < .postfix || hasLayer(operand))
            + transposeMark(mark) + "</msup>"
    }

    private static func transposeMark(_ mark: String) -> String {
        #"<mi mathvariant="normal">"# + mark + "</mi>"
    }

    // MARK: Operators and precedence

    /// How tightly a rendered form holds together: the expression's precedence,
    /// except that a fraction bar and a square root group what they hold, unlike `/`.
    private static func level(of expr: Expr) -> Precedence {
        if !expr.brackets.isEmpty { return .atom }
        switch expr.kind {
        case .number(let value): return value.sign == .minus ? .prefix : .atom
        case .binary where isFraction(expr): return .atom
        case .binary(let op, _, _, _): return op.precedence
        // `∑ x y` reaches to the end of the term, so beside another factor it needs parentheses.
        case .call("sum", _): return .additive
        case .negate: return .prefix
        case .derivative:
            if expr.spelling?.hasPrefix("\\nabla") == true || expr.spelling == "\\partial_" { return .prefix }
            return expr.isDerivativeOperator ? .multiplicative : .atom
        case .transpose, .row: return .postfix
        case .string, .name, .matrix, .call, .symbol, .prime, .entry: return .atom
        }
    }

    private static func isFraction(_ expr: Expr) -> Bool {
        guard case .binary(.divide, _, _, _) = expr.kind, let spelling = expr.spelling else { return false }
        return ["\\frac", "\\dfrac", "\\tfrac"].contains(spelling)
    }

    /// A symbol with a layer superscript cannot take another superscript unbracketed.
    private static func hasLayer(_ expr: Expr) -> Bool {
        guard case .symbol(let symbol) = expr.kind else { return false }
        return symbol.layer != nil
    }

    private static func operatorText(for op: BinaryOperator, spelled spelling: String?) -> String {
        switch (op, spelling) {
        case (.add, _): return "+"
        case (.subtract, _): return "\u{2212}"
        case (.multiply, "\\cdot"?): return "\u{22C5}"
        case (.multiply, "\\odot"?): return "\u{2299}"
        case (.multiply, "\\circ"?): return "\u{2218}"
        case (.multiply, "\\times"?): return "\u{D7}"
        case (.multiply, _): return "\u{2217}"
        case (.divide, _): return "/"
        case (.power, _): return "^"
        case (.matrixProduct, _), (.juxtaposition, _): return "\u{2062}"
        case (.less, _): return "<"
        case (.lessOrEqual, _): return "\u{2264}"
        case (.greater, _): return ">"
        case (.greaterOrEqual, _): return "\u{2265}"
        case (.equal, _): return "="
        case (.notEqual, _): return "\u{2260}"
        }
    }

    // MARK: Markup

    /// The operand, in parentheses where the tree needs them and its author wrote none.
    private static func operand(_ expr: Expr, if needsParentheses: Bool) -> String {
        needsParentheses && expr.brackets.isEmpty ? mrow(mo("(") + render(expr) + mo(")")) : render(expr)
    }

    private static func argumentList(_ arguments: [Expr]) -> String {
        mrow(mo("(") + arguments.map(render).joined(separator: mo(",")) + mo(")"))
    }

    private static func mrow(_ content: String) -> String { "<mrow>" + content + "</mrow>" }

    /// The prime glyph is already raised: as a superscript Chromium draws it
    /// small and far from its letter, so it follows the letter unspaced.
    static let prime = #"<mo lspace="0" rspace="0">′</mo>"#

    /// ASCII `^` over a letter floats high in Chromium; the modifier circumflex sits on it.
    static let hat = "\u{2C6}"

    private static func mo(_ text: String) -> String { "<mo>" + escaped(text) + "</mo>" }

    private static func mi(_ name: String) -> String { "<mi>" + escaped(name) + "</mi>" }

    /// Text content escaped as everywhere else, with the invisible operators as
    /// character references so that the markup shows them.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in Escaping.text(text).unicodeScalars {
            switch scalar {
            case "\u{2061}", "\u{2062}": result += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

private extension Expr.Kind {
    var isCall: Bool {
        if case .call = self { return true }
        return false
    }
}
