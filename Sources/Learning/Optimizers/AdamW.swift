import Autodiff

/// AdamW as `torch.optim.AdamW` defines it: Adam with the weight decay taken
/// out of the gradient and applied to the weights directly.
///
/// With learning rate γ, weight decay λ, decay rates β₁, β₂ and ε, step t for
/// a parameter θ with gradient g computes
///
///     θ ← θ (1 − γ λ)
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     m̂ = m / (1 − β₁ᵗ)
///     v̂ = v / (1 − β₂ᵗ),  or with amsgrad  v_max ← max(v_max, v),  v̂ = v_max / (1 − β₂ᵗ)
///     θ ← θ − γ m̂ / (√v̂ + ε)
///
/// Decoupled, the decay shrinks every weight by the same fraction whatever its
/// gradient history; inside the gradient (Adam's L2) it would be divided by √v̂.
///
/// Defaults (PyTorch's): lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8,
/// weight_decay 1e-2, amsgrad false. State: `m`, `v`, `v_max` (amsgrad), `t`.
public struct AdamW: AdaptiveMomentOptimizer, Codable {
    public let lr: Double
    public let weightDecay: Double
    public private(set) var moments: AdaptiveMoments

    /// Refuses negative lr, eps or weight decay and betas outside [0, 1), as PyTorch does.
    public init(
        lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
        weightDecay: Double = 1e-2, amsgrad: Bool = false
    ) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "adamw")
        moments = try AdaptiveMoments(beta1: beta1, beta2: beta2, eps: eps, amsgrad: amsgrad, optimizer: "adamw")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "adamw")
        self.lr = lr
        self.weightDecay = weightDecay
    }

    public var name: String { "adamw" }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try moments.step(
            &parameters, gradients: gradients, lr: lr, decay: 1 - lr * weightDecay, l2: 0,
            optimizer: name)
    }
}
