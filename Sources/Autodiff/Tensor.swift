import Foundation

/// A scalar or a matrix of `Double`, stored row-major.
///
/// `Tensor` is a plain value: the numbers and their shape. The differentiable
/// graph is built from `Variable`s that hold tensors.
public struct Tensor: Equatable, Sendable, Codable {
    public let shape: Shape
    /// The entries, row after row.
    public internal(set) var scalars: [Double] {
        didSet { byteCoded = nil }
    }
    /// The same entries as bytes and a table, for a tensor made from bytes and
    /// not changed since: tutor's products keep lists of its nonzero entries there.
    var byteCoded: ByteCodedEntries?

    /// Only the shape and the entries are the tensor's value.
    enum CodingKeys: String, CodingKey {
        case shape, scalars
    }

    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.scalars == b.scalars
    }

    /// Values larger than this many entries are refused before allocating
    /// (2^28 entries, 2 GiB of Doubles): a typo like `randn(1000000, 1000000)`
    /// gets an error, not an out-of-memory kill.
    public static let maximumElementCount = 1 << 28

    /// A tensor from its entries; the count must match the shape.
    public init(shape: Shape, scalars: [Double]) {
        precondition(
            scalars.count == shape.count,
            "Tensor: \(scalars.count) entries for shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar.
    public init(_ value: Double) {
        self.init(shape: .scalar, scalars: [value])
    }

    /// A matrix from its rows; every row must have the same length.
    public init(rows: [[Double]]) {
        let cols = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == cols }, "Tensor: ragged rows")
        self.init(shape: .matrix(rows.count, cols), scalars: rows.flatMap { $0 })
    }

    /// A tensor of the given shape with every entry `value`.
    public init(repeating value: Double, shape: Shape) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.count))
    }

    /// Zeros of the given shape.
    public static func zeros(_ shape: Shape) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// The shape of a rows × cols matrix, refused when it is negative or too large.
    public static func checkedShape(_ rows: Int, _ cols: Int) throws -> Shape {
        guard rows >= 0, cols >= 0 else {
            throw TensorError.invalidArgument(
                operation: "shape",
                message: "sizes must not be negative, got \(rows)×\(cols)")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard !overflow, count <= maximumElementCount else {
            throw TensorError.tooLarge(rows: rows, cols: cols, limit: maximumElementCount)
        }
        return .matrix(rows, cols)
    }

    public var rows: Int { shape.rows }
    public var cols: Int { shape.cols }
    public var count: Int { shape.count }

    /// The value of a scalar (or of a 1×1 matrix).
    public var scalar: Double {
        precondition(count == 1, "Tensor.scalar on shape \(shape)")
        return scalars[0]
    }

    public subscript(row: Int, col: Int) -> Double {
        get { scalars[row * shape.cols + col] }
        set { scalars[row * shape.cols + col] = newValue }
    }

    /// The rows as nested arrays (a scalar as one row of one entry).
    public var nestedRows: [[Double]] {
        (0..<rows).map { r in Array(scalars[(r * cols)..<((r + 1) * cols)]) }
    }

    static func formatBytes(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
