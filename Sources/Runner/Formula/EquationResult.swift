import Autodiff
import Notation

/// What checking one equation of a formula found (at one layer, for one param),
/// as data: Render writes its sentence.
public struct EquationResult: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case passed, failed, definition, error
        /// The equation's symbols do not all exist here (say W⁽ᴸ⁺¹⁾): not checked.
        case skipped
        /// An algorithm row whose symbol a later row assigns again: compares nothing.
        case intermediate
        /// An algorithm row whose `\textbf{if}` tests do not come out as its branch
        /// says (`unmetTest`): compares nothing.
        case notApplicable
    }

    /// The equation's number within its display block, from 1.
    public var index: Int
    /// The LaTeX of the equation.
    public var source: String
    /// The layer (a free layer index), param (a free θ) and entry indices this result is for.
    public var subject: EquationSubject?
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

        public init(row: Int, column: Int, left: Double, right: Double) {
            self.row = row
            self.column = column
            self.left = left
            self.right = right
        }
    }
    /// The tolerance the sides were compared within: entry by entry,
    /// |left − right| ≤ absolute + relative·|right|.
    public var tolerance: Tolerance?

    /// For a definition or an intermediate: the symbol it gives a value.
    public var defined: DefinedSymbol?
    /// For a row not applicable: the test that decided it.
    public var unmetTest: UnmetTest?

    /// How each derivative was computed and confirmed.
    public var derivatives: [DerivativeNote]
    /// The diagnostic where the status and the data do not say why: an error,
    /// sides that cannot be formed as written (failed), a layer the model lacks
    /// (skipped). Empty otherwise.
    public var message: String
    /// For an error: what was decided, which the message says in words.
    public var failure: FormulaFailure?
    /// For an error found inside the formula: where in the chapter's source.
    public var location: SourceLocation?

    public init(
        index: Int, source: String, subject: EquationSubject? = nil, status: Status, message: String = "",
        failure: FormulaFailure? = nil, location: SourceLocation? = nil
    ) {
        self.index = index
        self.source = source
        self.subject = subject
        self.status = status
        self.derivatives = []
        self.message = message
        self.failure = failure
        self.location = location
    }

    /// Whether the sides were compared (passed or failed).
    public var compared: Bool { status == .passed || status == .failed }
}

/// Which instance of an equation a result is for: the value its free layer
/// index took, the param a free θ stood for, the entry indices it holds for.
public struct EquationSubject: Sendable, Codable, Equatable {
    public var layer: Int?
    public var parameter: String?
    /// The free entry indices (`j`, `k` of `w^l_{jk}`): the equation holds for every entry.
    public var components: [String]

    public init(layer: Int? = nil, parameter: String? = nil, components: [String] = []) {
        self.layer = layer
        self.parameter = parameter
        self.components = components
    }
}

/// The symbol a definition or an algorithm's assignment gives a value.
public struct DefinedSymbol: Sendable, Codable, Equatable {
    /// The left side as written.
    public var symbol: String
    /// The free layer index it is defined for every value of (`\delta^{(l)}`).
    public var everyLayer: String?

    public init(symbol: String, everyLayer: String? = nil) {
        self.symbol = symbol
        self.everyLayer = everyLayer
    }
}
