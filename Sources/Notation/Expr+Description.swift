extension Expr: CustomStringConvertible {
    /// The expression in statement syntax, with only the parentheses its structure
    /// needs, so that parsing the description gives back the same tree.
    ///
    /// Forms only a formula has print close to their LaTeX, for messages and tests:
    /// `W^{(l + 1)}`, `θ_{t+1}`, `∂C/∂z^{(l)}`, `f'(z)`, and juxtaposition as a space
    /// (`δ a.T`).
    public var description: String {
        switch kind {
        case .number(let value):
            return Expr.format(value)
        case .string(let text):
            return "\"\(text)\""
        case .name(let name):
            return name
        case .matrix(let rows):
            let body = rows.map { row in row.map(\.description).joined(separator: ", ") }
            return "[" + body.joined(separator: "; ") + "]"
        case .call(let name, let arguments):
            return name + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .negate(let operand):
            return "-" + operand.parenthesized(if: operand.precedence < .power)
        case .binary(.power, let base, let exponent, _):
            // Right-associative, and the exponent may itself be negated: `2^-1`.
            return base.parenthesized(if: base.precedence <= .power)
                + "^" + exponent.parenthesized(if: exponent.precedence < .prefix)
        case .binary(let op, let left, let right, _):
            let spelled = op == .juxtaposition ? " " : " \(op.rawValue) "
            // Comparisons do not chain: a comparison on either side is bracketed.
            let leftNeeds = op.isComparison ? left.precedence <= op.precedence : left.precedence < op.precedence
            return left.parenthesized(if: leftNeeds)
                + spelled
                + right.parenthesized(if: right.precedence <= op.precedence)
        case .transpose(let operand):
            return operand.parenthesized(if: operand.precedence < .postfix) + ".T"
        case .row(let matrix, let index):
            return matrix.parenthesized(if: matrix.precedence < .postfix) + "[\(index)]"
        case .symbol(let symbol):
            return symbol.description
        case .derivative(let of, let withRespectTo):
            return "∂" + of.parenthesized(if: of.precedence < .postfix)
                + "/∂" + withRespectTo.parenthesized(if: withRespectTo.precedence < .postfix)
        case .prime(let function, let argument):
            return "\(function)'(\(argument))"
        case .entry(let operand, let indices):
            return operand.parenthesized(if: operand.precedence < .postfix) + "_" + indices.joined()
        }
    }

    /// How tightly the printed form of this node holds together.
    var precedence: Precedence {
        switch kind {
        case .number(let value):
            // A negative literal (a formula reader may fold `-1`) prints with a sign.
            return value.sign == .minus ? .prefix : .atom
        case .string, .name, .matrix, .call, .symbol, .prime, .entry:
            return .atom
        case .derivative:
            // Printed as a quotient, it holds together like one.
            return .multiplicative
        case .negate:
            return .prefix
        case .binary(let op, _, _, _):
            return op.precedence
        case .transpose, .row:
            return .postfix
        }
    }

    private func parenthesized(if needed: Bool) -> String {
        needed ? "(\(description))" : description
    }

    /// Whole numbers without a fraction (`3`, not `3.0`); others in Swift's shortest
    /// round-tripping form (`0.001`, `1e-05`), which the lexer reads back exactly.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

extension Argument: CustomStringConvertible {
    public var description: String {
        guard let label else { return value.description }
        return "\(label): \(value)"
    }
}

extension FormulaSymbol: CustomStringConvertible {
    /// `θ_{t+1}`, `W^{(l + 1)}`, `a^{(l - 1)}` whichever brackets the source used.
    public var description: String {
        var text = name
        if let step {
            text += "_{t" + (step == 0 ? "" : step > 0 ? "+\(step)" : "\(step)") + "}"
        }
        if let layer {
            text += layerBrackets == .bare ? "^{\(layer)}" : "^{(\(layer))}"
        }
        if !components.isEmpty { text += "_{" + components.joined() + "}" }
        return text
    }
}
