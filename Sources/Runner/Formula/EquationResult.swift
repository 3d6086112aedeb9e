import Autodiff

/// What checking one equation of a formula found (at one layer, for one param).
public struct EquationResult: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case passed, failed, definition, error
        /// The equation's symbols do not all exist here (say W⁽ᴸ⁺¹⁾): not checked.
        case skipped
    }

    /// The equation's number within its display block, from 1.
    public var index: Int
    /// The LaTeX of the equation.
    public var source: String
    /// The layer (a free layer index) or param (a free θ) this result is for.
    public var subject: String?
    public var status: Status
    public var left: Tensor?
    public var right: Tensor?
    public var maxAbsoluteError: Double?
    public var maxRelativeError: Double?
    /// The entry furthest outside the tolerance: row, column, left, right.
    public var worst: WorstEntry?

    public struct WorstEntry: Sendable, Codable {
        public var row: Int
        public var column: Int
        public var left: Double
        public var right: Double
    }
    /// The tolerance the sides were compared within: entry by entry,
    /// |left − right| ≤ absolute + relative·|right|.
    public var tolerance: Tolerance?

    /// How each derivative was computed and confirmed.
    public var derivatives: [DerivativeNote]
    public var message: String

    public init(index: Int, source: String, subject: String? = nil, status: Status, message: String) {
        self.index = index
        self.source = source
        self.subject = subject
        self.status = status
        self.derivatives = []
        self.message = message
    }
}
