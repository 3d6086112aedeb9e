import Autodiff

/// RMSprop as `torch.optim.RMSprop` defines it: the gradient divided by a
/// running root-mean-square of recent gradients, optionally centred and with
/// momentum.
///
/// With learning rate γ, smoothing α, weight decay λ, momentum μ and ε, each
/// step for a parameter θ with gradient g computes
///
///     g ← g + λ θ
///     square_avg ← α square_avg + (1 − α) g²
///     ṽ = square_avg
///     grad_avg ← α grad_avg + (1 − α) g,  ṽ ← ṽ − grad_avg²     (centered)
///     momentum_buffer ← μ momentum_buffer + g / (√ṽ + ε),
///         θ ← θ − γ momentum_buffer                             (μ > 0)
///     θ ← θ − γ g / (√ṽ + ε)                                    (μ = 0)
///
/// Every buffer starts at 0. Centring subtracts the squared mean, so ṽ
/// estimates the variance of the gradient rather than its second moment.
///
/// Defaults (PyTorch's): lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0,
/// momentum 0, centered false. State: `square_avg`, `grad_avg` (centered),
/// `momentum_buffer` (μ > 0).
public struct RMSprop: Optimizer, Codable {
    public let lr: Double
    public let alpha: Double
    public let eps: Double
    public let weightDecay: Double
    public let momentum: Double
    public let centered: Bool
    public private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var squareAvg: [[Double]] = []
    /// Empty per parameter unless `centered`.
    private var gradAvg: [[Double]] = []
    /// Empty per parameter unless `momentum > 0`.
    private var momentumBuffer: [[Double]] = []

    /// Refuses a negative value of any option, as PyTorch does.
    public init(
        lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8,
        weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false
    ) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "rmsprop")
        try OptimizerError.requireNonNegative(alpha, "alpha", in: "rmsprop")
        try OptimizerError.requireNonNegative(eps, "eps", in: "rmsprop")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "rmsprop")
        try OptimizerError.requireNonNegative(momentum, "momentum", in: "rmsprop")
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    public var name: String { "rmsprop" }

    public var hyperparameters: [(name: String, value: Double)] {
        [
            ("lr", lr), ("alpha", alpha), ("eps", eps), ("weight_decay", weightDecay),
            ("momentum", momentum), ("centered", centered ? 1 : 0),
        ]
    }

    public var stateNames: [String] {
        ["square_avg"] + (centered ? ["grad_avg"] : []) + (momentum > 0 ? ["momentum_buffer"] : [])
    }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        guard stateNames.contains(name) else { return nil }
        switch name {
        case "square_avg": return layout.tensor(squareAvg, index)
        case "grad_avg": return layout.tensor(gradAvg, index)
        default: return layout.tensor(momentumBuffer, index)
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        if try layout.admit(parameters, gradients, optimizer: name) {
            let unused = [[Double]](repeating: [], count: parameters.count)
            squareAvg = layout.buffers(filledWith: 0)
            gradAvg = centered ? layout.buffers(filledWith: 0) : unused
            momentumBuffer = momentum > 0 ? layout.buffers(filledWith: 0) : unused
        }
        stepCount += 1
        let (γ, α, ε, λ, μ, centered) = (lr, alpha, eps, weightDecay, momentum, self.centered)
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                squareAvg[i].withUnsafeMutableBufferPointer { sq in
                    gradAvg[i].withUnsafeMutableBufferPointer { ga in
                        momentumBuffer[i].withUnsafeMutableBufferPointer { b in
                            for j in θ.indices {
                                let d = g[j] + λ * θ[j]
                                sq[j] = α * sq[j] + (1 - α) * (d * d)
                                var avg = sq[j]
                                if centered {
                                    ga[j] = α * ga[j] + (1 - α) * d
                                    avg -= ga[j] * ga[j]
                                }
                                let scaled = d / (avg.squareRoot() + ε)
                                if μ > 0 {
                                    b[j] = μ * b[j] + scaled
                                    θ[j] -= γ * b[j]
                                } else {
                                    θ[j] -= γ * scaled
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
