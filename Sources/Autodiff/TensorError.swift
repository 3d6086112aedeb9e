/// A mistake in how values were combined: reported to the user, never a crash.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes do not fit the operation.
    case shapeMismatch(operation: String, Shape, Shape)
    /// An operand whose shape the operation cannot take.
    case invalidShape(operation: String, Shape, expected: String)
    /// A value larger than `Tensor.maximumElementCount` entries.
    case tooLarge(rows: Int, cols: Int, limit: Int)
    /// An argument out of its domain (a negative size, an index out of range, …).
    case invalidArgument(operation: String, message: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, a, b):
            return "\(operation): shapes \(a) and \(b) do not match"
        case let .invalidShape(operation, shape, expected):
            return "\(operation): got a value of shape \(shape), expected \(expected)"
        case let .tooLarge(rows, cols, limit):
            let bytes = Double(rows) * Double(cols) * 8
            return "a \(rows)×\(cols) value needs \(Tensor.formatBytes(bytes)); "
                + "the limit is \(limit) entries (\(Tensor.formatBytes(Double(limit) * 8)))"
        case let .invalidArgument(operation, message):
            return "\(operation): \(message)"
        }
    }
}
