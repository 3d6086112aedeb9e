import Autodiff

/// Adam as `torch.optim.Adam` defines it: steps scaled by bias-corrected
/// running averages of the gradient and of its square.
///
/// With learning rate γ, decay rates β₁, β₂, weight decay λ and ε, step t for
/// a parameter θ with gradient g computes
///
///     g ← g + λ θ
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     m̂ = m / (1 − β₁ᵗ)
///     v̂ = v / (1 − β₂ᵗ),  or with amsgrad  v_max ← max(v_max, v),  v̂ = v_max / (1 − β₂ᵗ)
///     θ ← θ − γ m̂ / (√v̂ + ε)
///
/// m and v start at 0; the corrections undo that start's pull towards 0 in the
/// first steps. Weight decay here is an L2 penalty that passes through the
/// adaptive scaling; `AdamW` decays the weights directly instead.
///
/// Defaults (PyTorch's): lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8,
/// weight_decay 0, amsgrad false. State: `m`, `v`, `v_max` (amsgrad), `t`.
public struct Adam: AdaptiveMomentOptimizer, Codable {
    public let lr: Double
    public let weightDecay: Double
    public private(set) var moments: AdaptiveMoments

    /// Refuses negative lr, eps or weight decay and betas outside [0, 1), as PyTorch does.
    public init(
        lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false
    ) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "adam")
        moments = try AdaptiveMoments(beta1: beta1, beta2: beta2, eps: eps, amsgrad: amsgrad, optimizer: "adam")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "adam")
        self.lr = lr
        self.weightDecay = weightDecay
    }

    public var name: String { "adam" }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try moments.step(&parameters, gradients: gradients, lr: lr, decay: 1, l2: weightDecay, optimizer: name)
    }
}
