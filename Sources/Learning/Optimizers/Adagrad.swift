import Autodiff

/// Adagrad as `torch.optim.Adagrad` defines it: each entry's step shrinks with
/// the sum of its squared gradients, so rarely moved entries keep larger steps.
///
/// With learning rate γ, learning-rate decay η, weight decay λ, initial
/// accumulator s₀ and ε, step t for a parameter θ with gradient g computes
///
///     γ̃ = γ / (1 + (t − 1) η)
///     g ← g + λ θ
///     sum ← sum + g²                 (sum starts at s₀)
///     θ ← θ − γ̃ g / (√sum + ε)
///
/// Defaults (PyTorch's): lr 1e-2, lr_decay 0, weight_decay 0,
/// initial_accumulator_value 0, eps 1e-10. State: `sum`.
public struct Adagrad: Optimizer, Codable {
    public let lr: Double
    public let lrDecay: Double
    public let weightDecay: Double
    public let initialAccumulatorValue: Double
    public let eps: Double
    public private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var sum: [[Double]] = []

    /// Refuses a negative value of any option, as PyTorch does.
    public init(
        lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, eps: Double = 1e-10
    ) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "adagrad")
        try OptimizerError.requireNonNegative(lrDecay, "lr_decay", in: "adagrad")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "adagrad")
        try OptimizerError.requireNonNegative(initialAccumulatorValue, "initial_accumulator_value", in: "adagrad")
        try OptimizerError.requireNonNegative(eps, "eps", in: "adagrad")
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    public var name: String { "adagrad" }

    public var hyperparameters: [(name: String, value: Double)] {
        [
            ("lr", lr), ("lr_decay", lrDecay), ("weight_decay", weightDecay),
            ("initial_accumulator_value", initialAccumulatorValue), ("eps", eps),
        ]
    }

    public var stateNames: [String] { ["sum"] }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        name == "sum" ? layout.tensor(sum, index) : nil
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        if try layout.admit(parameters, gradients, optimizer: name) {
            sum = layout.buffers(filledWith: initialAccumulatorValue)
        }
        stepCount += 1
        let γ = lr / (1 + Double(stepCount - 1) * lrDecay)
        let (λ, ε) = (weightDecay, eps)
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                sum[i].withUnsafeMutableBufferPointer { s in
                    for j in θ.indices {
                        let d = g[j] + λ * θ[j]
                        s[j] += d * d
                        θ[j] -= γ * (d / (s[j].squareRoot() + ε))
                    }
                }
            }
        }
    }
}
