import Autodiff
import Foundation

/// Adam and AdamW: everything but their weight decay, which `step` applies.
public protocol AdaptiveMomentOptimizer: Optimizer {
    var lr: Double { get }
    var weightDecay: Double { get }
    var moments: AdaptiveMoments { get }
}

extension AdaptiveMomentOptimizer {
    public var beta1: Double { moments.beta1 }
    public var beta2: Double { moments.beta2 }
    public var eps: Double { moments.eps }
    public var amsgrad: Bool { moments.amsgrad }

    public var hyperparameters: [(name: String, value: Double)] {
        [
            ("lr", lr), ("beta1", beta1), ("beta2", beta2), ("eps", eps),
            ("weight_decay", weightDecay), ("amsgrad", amsgrad ? 1 : 0),
        ]
    }

    public var stepCount: Int { moments.stepCount }

    public var stateNames: [String] { moments.stateNames }

    public func state(_ name: String, parameter index: Int) -> Tensor? {
        moments.state(name, parameter: index)
    }
}

/// The moment estimates Adam and AdamW share, and the step that uses them.
///
/// With step t, decay rates β₁, β₂ and ε, for a gradient g:
///
///     m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
///     v_max ← max(v_max, v)                        (amsgrad)
///     m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)   (v_max in place of v with amsgrad)
///     θ ← θ − γ m̂ / (√v̂ + ε)
///
/// State names: `m`, `v`, `v_max` (amsgrad) and `t`, a scalar.
public struct AdaptiveMoments: Sendable, Codable {
    let beta1: Double
    let beta2: Double
    let eps: Double
    let amsgrad: Bool
    private(set) var stepCount = 0
    private var layout = ParameterLayout()
    private var m: [[Double]] = []
    private var v: [[Double]] = []
    /// Empty per parameter unless `amsgrad`.
    private var vMax: [[Double]] = []

    init(beta1: Double, beta2: Double, eps: Double, amsgrad: Bool, optimizer: String) throws {
        try OptimizerError.requireNonNegative(eps, "eps", in: optimizer)
        try OptimizerError.requireUnitInterval(beta1, "beta1", in: optimizer)
        try OptimizerError.requireUnitInterval(beta2, "beta2", in: optimizer)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.amsgrad = amsgrad
    }

    var stateNames: [String] { amsgrad ? ["m", "v", "v_max", "t"] : ["m", "v", "t"] }

    func state(_ name: String, parameter index: Int) -> Tensor? {
        guard stateNames.contains(name) else { return nil }
        switch name {
        case "m": return layout.tensor(m, index)
        case "v": return layout.tensor(v, index)
        case "v_max": return layout.tensor(vMax, index)
        default: return layout.scalar(Double(stepCount), index)
        }
    }

    /// One step with learning rate `lr`. Each θ is first multiplied by
    /// `decay` (AdamW's decoupled decay), then `l2 · θ` is added to its
    /// gradient (Adam's weight decay).
    mutating func step(
        _ parameters: inout [Tensor], gradients: [Tensor],
        lr: Double, decay: Double, l2: Double, optimizer: String
    ) throws {
        if try layout.admit(parameters, gradients, optimizer: optimizer) {
            m = layout.buffers(filledWith: 0)
            v = layout.buffers(filledWith: 0)
            vMax = amsgrad ? layout.buffers(filledWith: 0) : [[Double]](repeating: [], count: parameters.count)
        }
        stepCount += 1
        let t = Double(stepCount)
        let (β1, β2, ε, amsgrad) = (beta1, beta2, eps, self.amsgrad)
        // m̂ / (√v̂ + ε) = (m / c₁) / (√v / √c₂ + ε): two constants per step instead of two divisions per entry.
        let stepSize = lr / (1 - pow(β1, t))
        let sqrtC2 = (1 - pow(β2, t)).squareRoot()
        for i in parameters.indices {
            parameters[i].update(gradient: gradients[i]) { θ, g in
                m[i].withUnsafeMutableBufferPointer { m in
                    v[i].withUnsafeMutableBufferPointer { v in
                        vMax[i].withUnsafeMutableBufferPointer { vMax in
                            for j in θ.indices {
                                θ[j] *= decay
                                let d = g[j] + l2 * θ[j]
                                m[j] = β1 * m[j] + (1 - β1) * d
                                v[j] = β2 * v[j] + (1 - β2) * (d * d)
                                var second = v[j]
                                if amsgrad {
                                    vMax[j] = max(vMax[j], v[j])
                                    second = vMax[j]
                                }
                                θ[j] -= stepSize * (m[j] / (second.squareRoot() / sqrtC2 + ε))
                            }
                        }
                    }
                }
            }
        }
    }
}
