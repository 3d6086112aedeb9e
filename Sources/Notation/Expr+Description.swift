extension Expr: CustomStringConvertible {
    /// The expression in statement syntax, with only the parentheses its structure
    /// needs, so that parsing the description gives back the same tree.
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
            return left.parenthesized(if: left.precedence < op.precedence)
                + " \(op.rawValue) "
                + right.parenthesized(if: right.precedence <= op.precedence)
        case .transpose(let operand):
            return operand.parenthesized(if: operand.precedence < .postfix) + ".T"
        case .row(let matrix, let index):
            return matrix.parenthesized(if: matrix.precedence < .postfix) + "[\(index)]"
        }
    }

    /// How tightly the printed form of this node holds together.
    var precedence: Precedence {
        switch kind {
        case .number(let value):
            // A negative literal (a formula reader may fold `-1`) prints with a sign.
            return value.sign == .minus ? .prefix : .atom
        case .string, .name, .matrix, .call:
            return .atom
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
