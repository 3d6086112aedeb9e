import Autodiff

/// Stochastic gradient descent as `torch.optim.SGD` defines it, with optional
/// momentum, dampening, Nesterov momentum and L2 weight decay.
///
/// With learning rate γ, momentum μ, dampening τ and weight decay λ, each step
/// for a parameter θ with gradient g computes
///
///     g ← g + λ θ
///     b₁ = g,  b_t = μ b_{t−1} + (1 − τ) g        (only when μ ≠ 0)
///     g ← g + μ b_t  (Nesterov)   or   g ← b_t
///     θ ← θ − γ g
///
/// The learning rate multiplies the buffer on the way out, not the gradient on
/// the way in (compare `Momentum`), so the buffer is in units of gradients.
///
/// Defaults (PyTorch's): lr 1e-3, momentum 0, dampening 0, nesterov false,
/// weight_decay 0. State: `momentum_buffer` (b), kept only when μ ≠ 0.
public struct SGD: Optimizer, Codable {
    public let lr: Double
    public let momentum: Double
    public let dampening: Double
    public let nesterov: Bool
    public let weightDecay: Double
    public private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var momentumBuffer: [[Double]] = []

    /// Refuses what PyTorch refuses: negative lr, momentum or weight decay, and
    /// Nesterov momentum without a momentum or with dampening.
    public init(
        lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
        nesterov: Bool = false, weightDecay: Double = 0
    ) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "sgd")
        try OptimizerError.requireNonNegative(momentum, "momentum", in: "sgd")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "sgd")
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw OptimizerError.invalidArguments(
                optimizer: "sgd", message: "nesterov needs a momentum above 0 and dampening 0")
        }
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public var name: String { "sgd" }

    public var hyperparameters: [(name: String, value: Double)] {
        [
            ("lr", lr), ("momentum", momentum), ("dampening", dampening),
            ("nesterov", nesterov ? 1 : 0), ("weight_decay", weightDecay),
        ]
    }

    public var stateNames: [String] { momentum != 0 ? ["momentum_buffer"] : [] }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        name == "momentum_buffer" ? layout.tensor(momentumBuffer, index) : nil
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        if try layout.admit(parameters, gradients, optimizer: name), momentum != 0 {
            momentumBuffer = layout.buffers(filledWith: 0)
        }
        let first = stepCount == 0
        stepCount += 1
        let (γ, μ, τ, λ, nesterov) = (lr, momentum, dampening, weightDecay, self.nesterov)
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                guard μ != 0 else {
                    for j in θ.indices { θ[j] -= γ * (g[j] + λ * θ[j]) }
                    return
                }
                momentumBuffer[i].withUnsafeMutableBufferPointer { b in
                    for j in θ.indices {
                        let d = g[j] + λ * θ[j]
                        b[j] = first ? d : μ * b[j] + (1 - τ) * d
                        θ[j] -= γ * (nesterov ? d + μ * b[j] : b[j])
                    }
                }
            }
        }
    }
}
