import Foundation

/// A scalar or a matrix of `Double`, stored row-major.
///
/// `Tensor` is a plain value: the numbers and their shape. The differentiable
/// graph is built from `Variable`s that hold tensors. A tensor made from bytes
/// (a data set) holds them and their table until its entries are first read.
public struct Tensor: Equatable, Sendable, Codable {
    public let shape: Shape
    /// The entries as doubles; empty while a tensor made from bytes holds
    /// them as its codes only.
    private var doubles: [Double]
    /// The entries as bytes and a table, for a tensor made from bytes and not
    /// changed since: tutor's products read them and keep lists of the
    /// nonzero ones there, and the doubles are made at their first read.
    private(set) var byteCoded: ByteCodedEntries?

    /// The entries, row after row.
    public internal(set) var scalars: [Double] {
        // Read in place, so that reading an entry costs no reference count.
        _read {
            if byteCoded == nil {
                yield doubles
            } else {
                yield byteCoded!.doubles
            }
        }
        set {
            doubles = newValue
            byteCoded = nil
        }
        _modify {
            if let coded = byteCoded {
                doubles = coded.doubles
                byteCoded = nil
            }
            yield &doubles
        }
    }

    /// Only the shape and the entries are the tensor's value.
    enum CodingKeys: String, CodingKey {
        case shape, scalars
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shape = try container.decode(Shape.self, forKey: .shape)
        doubles = try container.decode([Double].self, forKey: .scalars)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        try container.encode(scalars, forKey: .scalars)
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
        self.doubles = scalars
    }

    /// A tensor whose entries are `coded`'s, made as doubles at their first read.
    init(shape: Shape, coded: ByteCodedEntries) {
        precondition(
            coded.rows * coded.cols == shape.count, "Tensor: \(coded.rows)×\(coded.cols) codes for shape \(shape)")
        self.shape = shape
        self.doubles = []
        self.byteCoded = coded
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
