import Autodiff

/// A fully connected layer, as PyTorch's `Linear` followed by an activation:
/// z = x·Wᵀ + b, a = f(z), with x of shape n×in, W of shape out×in, b of 1×out.
public struct Dense: Sendable, Equatable, Codable {
    public let inputs: Int
    public let outputs: Int
    public let activation: Activation

    /// How the weight (or the bias) starts.
    public enum Initializer: Sendable, Equatable {
        /// PyTorch's default for `Linear`: U(−1/√in, 1/√in).
        case pytorchDefault
        /// N(0, std²).
        case normal(std: Double)
        /// U(low, high).
        case uniform(low: Double, high: Double)
        /// Every entry the same number (0 for zero biases).
        case constant(Double)
    }

    public init(inputs: Int, outputs: Int, activation: Activation = .identity) {
        self.inputs = inputs
        self.outputs = outputs
        self.activation = activation
    }

    /// Draws W then b from `generator` (this order, so a seed fixes both).
    public func initialParameters(
        weight: Initializer = .pytorchDefault, bias: Initializer = .pytorchDefault,
        generator: inout RandomGenerator
    ) throws -> (weight: Tensor, bias: Tensor) {
        guard inputs > 0, outputs > 0 else {
            throw TensorError.invalidArgument(
                operation: "dense",
                message: "sizes must be positive, got \(inputs) → \(outputs)")
        }
        let w = try draw(weight, outputs, inputs, &generator)
        let b = try draw(bias, 1, outputs, &generator)
        return (w, b)
    }

    private func draw(
        _ initializer: Initializer, _ rows: Int, _ cols: Int,
        _ generator: inout RandomGenerator
    ) throws -> Tensor {
        switch initializer {
        case .pytorchDefault:
            let bound = 1 / Double(inputs).squareRoot()
            return try generator.uniform(rows, cols, low: -bound, high: bound)
        case let .normal(std):
            return try generator.normal(rows, cols, mean: 0, std: std)
        case let .uniform(low, high):
            return try generator.uniform(rows, cols, low: low, high: high)
        case let .constant(value):
            return Tensor(repeating: value, shape: try Tensor.checkedShape(rows, cols))
        }
    }

    /// Whether x has the shape the layer takes: one example of `inputs` entries per row.
    public func accepts(_ shape: Shape) -> Bool {
        !shape.isScalar && shape.cols == inputs
    }

    /// The pre-activation z = x·Wᵀ + b, after checking x's shape; what `forward`
    /// and the chapter runner's models both compute before the activation.
    public func preActivation(_ x: Variable, weight: Variable, bias: Variable) throws -> Variable {
        guard accepts(x.shape) else {
            throw TensorError.invalidShape(
                operation: "dense(\(inputs), \(outputs))", x.shape,
                expected: "n×\(inputs) (one example per row)")
        }
        return try Variable.affine(x, weight, bias)
    }

    /// The layer applied to x: its pre-activation z and activation a.
    public func forward(_ x: Variable, weight: Variable, bias: Variable) throws -> (z: Variable, a: Variable) {
        let z = try preActivation(x, weight: weight, bias: bias)
        return (z, try activation.apply(z))
    }
}
