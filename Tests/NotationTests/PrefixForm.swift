@testable import Notation

extension Expr {
    /// The tree with every node bracketed, operator first, so tests can pin the
    /// exact structure that `description` (with minimal parentheses) hides.
    var prefixForm: String {
        switch kind {
        case .number(let value): return Expr.format(value)
        case .string(let text): return "\"\(text)\""
        case .name(let name): return name
        case .matrix(let rows):
            return "[" + rows.map { $0.map(\.prefixForm).joined(separator: " ") }.joined(separator: "; ") + "]"
        case .call(let name, let arguments):
            let parts = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.prefixForm }
            return "(\(name)" + parts.map { " " + $0 }.joined() + ")"
        case .negate(let operand): return "(neg \(operand.prefixForm))"
        case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(left.prefixForm) \(right.prefixForm))"
        case .transpose(let operand): return "(T \(operand.prefixForm))"
        case .row(let matrix, let index): return "(row \(matrix.prefixForm) \(index.prefixForm))"
        case .symbol(let symbol):
            let layer = symbol.layer.map { " layer: \($0.prefixForm)" } ?? ""
            let step = symbol.step.map { " step: \($0)" } ?? ""
            let entry = symbol.components.isEmpty ? "" : " entry: " + symbol.components.joined(separator: ",")
            return "(symbol \(symbol.name)\(layer)\(step)\(entry))"
        case .derivative(let of, let withRespectTo): return "(∂ \(of.prefixForm) \(withRespectTo.prefixForm))"
        case .prime(let function, let argument): return "(\(function)' \(argument.prefixForm))"
        case .entry(let operand, let indices): return "(entry \(operand.prefixForm) \(indices.joined(separator: " ")))"
        }
    }
}
