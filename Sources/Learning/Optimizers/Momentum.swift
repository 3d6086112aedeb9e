import Autodiff

/// Gradient descent with momentum in the textbook form, the learning rate
/// inside the velocity.
///
/// With learning rate η and momentum γ, each step for a parameter θ with
/// gradient ∇J computes
///
///     v ← γ v + η ∇J        (v starts at 0)
///     θ ← θ − v
///
/// With a constant learning rate this is `SGD(lr: η, momentum: γ)` step for
/// step (v = η b); it differs when η changes during training.
///
/// Defaults: gamma 0.9; lr has none. State: `v`.
public struct Momentum: Optimizer, Codable {
    public let lr: Double
    public let gamma: Double
    public private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var velocity: [[Double]] = []

    /// Refuses a negative learning rate or momentum.
    public init(lr: Double, gamma: Double = 0.9) throws {
        try OptimizerError.requireNonNegative(lr, "lr", in: "momentum")
        try OptimizerError.requireNonNegative(gamma, "gamma", in: "momentum")
        self.lr = lr
        self.gamma = gamma
    }

    public var name: String { "momentum" }

    public var hyperparameters: [(name: String, value: Double)] { [("lr", lr), ("gamma", gamma)] }

    public var stateNames: [String] { ["v"] }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        name == "v" ? layout.tensor(velocity, index) : nil
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        if try layout.admit(parameters, gradients, optimizer: name) {
            velocity = layout.buffers(filledWith: 0)
        }
        stepCount += 1
        let (η, γ) = (lr, gamma)
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                velocity[i].withUnsafeMutableBufferPointer { v in
                    for j in θ.indices {
                        v[j] = γ * v[j] + η * g[j]
                        θ[j] -= v[j]
                    }
                }
            }
        }
    }
}
