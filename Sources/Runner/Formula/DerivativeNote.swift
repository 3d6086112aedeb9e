/// How one derivative of a formula was computed and confirmed, as data: which
/// derivative, by which method, what was compared, the residual measured and the
/// tolerance it was held to. Rendering writes the words and digits.
public struct DerivativeNote: Sendable, Codable, Equatable {
    public enum Method: String, Sendable, Codable {
        /// Of one number, by autodiff, confirmed by central differences.
        case gradient
        /// Between values of one shape, by autodiff, confirmed along two directions.
        case elementwise
        /// `f'(z)`: the derivative of the activation the function is bound to.
        case activation
        /// `J(θ − γ v)`: the loss with a param replaced by the argument.
        case lossAtArgument
    }

    /// `∂C/∂W`, `f'`, `J(…)`.
    public var label: String
    public var method: Method
    /// What was compared (`12 entries`), the activation, or the param replaced.
    public var detail: String
    /// What the finite differences skipped or how they sampled.
    public var remarks: [String]
    /// The largest relative difference of autodiff and finite differences, as
    /// measured; only a disagreement, which is an error, shows it in a page.
    public var maxRelativeError: Double?
    /// The agreement it was held to: |ad − fd| ≤ absolute + relative·|fd|.
    public var tolerance: Tolerance?

    public init(label: String, method: Method, detail: String, remarks: [String] = [],
                maxRelativeError: Double? = nil, tolerance: Tolerance? = nil) {
        self.label = label
        self.method = method
        self.detail = detail
        self.remarks = remarks
        self.maxRelativeError = maxRelativeError
        self.tolerance = tolerance
    }
}
