/// The shape of a value: a scalar (rank 0) or a rows × cols matrix (rank 2).
///
/// The engine goes from scalars to matrices and nothing above, so one shape rule
/// set and one broadcasting rule set cover every value in a chapter.
public struct Shape: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rows: Int
    public let cols: Int
    public let isScalar: Bool

    public static let scalar = Shape(rows: 1, cols: 1, isScalar: true)

    public static func matrix(_ rows: Int, _ cols: Int) -> Shape {
        Shape(rows: rows, cols: cols, isScalar: false)
    }

    private init(rows: Int, cols: Int, isScalar: Bool) {
        self.rows = rows
        self.cols = cols
        self.isScalar = isScalar
    }

    /// The number of entries.
    public var count: Int { rows * cols }

    /// `[]` for a scalar, `[rows, cols]` for a matrix (the form of report.json).
    public var dimensions: [Int] { isScalar ? [] : [rows, cols] }

    /// `scalar` or `3×4`.
    public var description: String { isScalar ? "scalar" : "\(rows)×\(cols)" }

    /// The shape two operands broadcast to, or nil when they do not.
    ///
    /// A scalar goes with anything. Between matrices each dimension must be equal
    /// or 1 in one of them: a 1×n row with an m×n matrix, an m×1 column with an
    /// m×n matrix (and, as in NumPy, a 1×n row with an m×1 column gives m×n).
    public func broadcast(with other: Shape) -> Shape? {
        if isScalar { return other }
        if other.isScalar { return self }
        guard let r = Shape.broadcastDimension(rows, other.rows),
            let c = Shape.broadcastDimension(cols, other.cols)
        else { return nil }
        return .matrix(r, c)
    }

    private static func broadcastDimension(_ a: Int, _ b: Int) -> Int? {
        if a == b { return a }
        if a == 1 { return b }
        if b == 1 { return a }
        return nil
    }
}
