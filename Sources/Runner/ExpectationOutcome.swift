import Autodiff

/// What an `expect` compared and found, for Render to write.
public struct ExpectationOutcome: Sendable, Codable {
    /// A side as a sentence names it: a number, or only the shape of a matrix.
    public enum Value: Sendable, Codable, Equatable {
        case number(Double)
        case matrix(Shape)
    }

    /// The left expression as written.
    public var left: String
    /// `<`, `<=`, `>`, `>=`, `==`, or `≈`.
    public var relation: String
    public var leftValue: Value
    public var rightValue: Value
    /// For `≈`: the tolerance as written, and the largest |a − b| found.
    public var tolerance: String?
    public var worst: Double?
    public var holds: Bool

    public init(
        left: String, relation: String, leftValue: Value, rightValue: Value,
        tolerance: String? = nil, worst: Double? = nil, holds: Bool
    ) {
        self.left = left
        self.relation = relation
        self.leftValue = leftValue
        self.rightValue = rightValue
        self.tolerance = tolerance
        self.worst = worst
        self.holds = holds
    }
}

extension ExpectationOutcome.Value {
    init(_ t: Tensor) { self = t.count == 1 ? .number(t.scalars[0]) : .matrix(t.shape) }
}
