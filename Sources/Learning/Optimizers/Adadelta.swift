import Autodiff

/// Adadelta as `torch.optim.Adadelta` defines it: each entry's step is the
/// gradient scaled by the ratio of two running root-mean-squares, of recent
/// steps and of recent gradients, so the step carries the parameter's own units.
///
/// With learning rate γ, decay ρ, weight decay λ and ε, step t for a parameter
/// θ with gradient g computes
///
///     g ← g + λ θ
///     square_avg ← ρ square_avg + (1 − ρ) g²
///     Δx = √(acc_delta + ε) / √(square_avg + ε) · g
///     acc_delta ← ρ acc_delta + (1 − ρ) Δx²
///     θ ← θ − γ Δx
///
/// Both buffers start at 0; PyTorch's box writes v for `square_avg` and u for
/// `acc_delta`. The step reads `acc_delta` as it was before this step.
///
/// Defaults (PyTorch's): lr 1.0, rho 0.9, eps 1e-6, weight_decay 0.
/// State: `square_avg`, `acc_delta`.
public struct Adadelta: Optimizer, Codable {
    public let lr: Double
    public let rho: Double
    public let eps: Double
    public let weightDecay: Double
    public private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var squareAvg: [[Double]] = []
    private var accDelta: [[Double]] = []

    /// Refuses negative lr, eps or weight decay and rho outside [0, 1], as PyTorch does.
    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "adadelta")
        guard rho >= 0, rho <= 1 else {
            throw OptimizerError.invalidOption(
                optimizer: "adadelta", option: "rho", value: rho,
                requirement: "in [0, 1]")
        }
        try OptimizerError.requireNonNegative(eps, "eps", in: "adadelta")
        try OptimizerError.requireNonNegative(weightDecay, "weight_decay", in: "adadelta")
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public var name: String { "adadelta" }

    public var hyperparameters: [(name: String, value: Double)] {
        [("lr", lr), ("rho", rho), ("eps", eps), ("weight_decay", weightDecay)]
    }

    public var stateNames: [String] { ["square_avg", "acc_delta"] }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        switch name {
        case "square_avg": return layout.tensor(squareAvg, index)
        case "acc_delta": return layout.tensor(accDelta, index)
        default: return nil
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        if try layout.admit(parameters, gradients, optimizer: name) {
            squareAvg = layout.buffers(filledWith: 0)
            accDelta = layout.buffers(filledWith: 0)
        }
        stepCount += 1
        let (γ, ρ, ε, λ) = (lr, rho, eps, weightDecay)
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                squareAvg[i].withUnsafeMutableBufferPointer { v in
                    accDelta[i].withUnsafeMutableBufferPointer { u in
                        for j in θ.indices {
                            let d = g[j] + λ * θ[j]
                            v[j] = ρ * v[j] + (1 - ρ) * (d * d)
                            let delta = (u[j] + ε).squareRoot() / (v[j] + ε).squareRoot() * d
                            u[j] = ρ * u[j] + (1 - ρ) * (delta * delta)
                            θ[j] -= γ * delta
                        }
                    }
                }
            }
        }
    }
}
