import Autodiff

/// How one derivative of a formula was computed and confirmed, as data: which
/// derivative, by which method, what was compared, the residual measured and the
/// tolerance it was held to. Rendering writes the words and digits.
public struct DerivativeNote: Sendable, Codable, Equatable {
    public enum Method: String, Sendable, Codable {
        /// Of one number, by autodiff, confirmed by central differences (`comparison`).
        case gradient
        /// Between values of one shape, by autodiff, confirmed along two directions:
        /// all ones and a seeded ±1.
        case elementwise
        /// `f'(z)`: the derivative of the activation (`operand`) the function is bound to.
        case activation
        /// `J(θ − γ v)`: the loss with a param (`operand`) replaced by the argument.
        case lossAtArgument
    }

    /// `∂C/∂W`, `f'`, `J(…)`.
    public var label: String
    public var method: Method
    /// For a gradient: what the finite differences compared, skipped and retried.
    public var comparison: GradientCheckReport?
    /// The activation, or the param replaced.
    public var operand: String?
    /// The largest relative difference of autodiff and finite differences, as
    /// measured; only a disagreement, which is an error, shows it in a page.
    public var maxRelativeError: Double?
    /// The agreement it was held to: |ad − fd| ≤ absolute + relative·|fd|.
    public var tolerance: Tolerance?

    public init(
        label: String, method: Method, comparison: GradientCheckReport? = nil, operand: String? = nil,
        maxRelativeError: Double? = nil, tolerance: Tolerance? = nil
    ) {
        self.label = label
        self.method = method
        self.comparison = comparison
        self.operand = operand
        self.maxRelativeError = maxRelativeError
        self.tolerance = tolerance
    }
}
