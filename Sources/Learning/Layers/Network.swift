import Autodiff

/// A stack of dense layers, applied in order (`dense(10, 5, relu) >> dense(5, 1)`).
public struct Network: Sendable, Equatable, Codable {
    public let layers: [Dense]

    /// Consecutive layers must fit: each one's outputs are the next one's inputs.
    public init(_ layers: [Dense]) throws {
        guard !layers.isEmpty else {
            throw TensorError.invalidArgument(operation: "model", message: "a model needs at least one layer")
        }
        for (i, pair) in zip(layers, layers.dropFirst()).enumerated() where pair.0.outputs != pair.1.inputs {
            throw TensorError.invalidArgument(
                operation: "model",
                message:
                    "layer \(i + 1) gives \(pair.0.outputs) outputs but layer \(i + 2) takes \(pair.1.inputs) inputs")
        }
        self.layers = layers
    }

    /// What one pass computes: every layer's z and a (layer l at index l − 1).
    public struct Pass {
        public var preActivations: [Variable]
        public var activations: [Variable]
        public var output: Variable { activations[activations.count - 1] }
    }

    /// Applies every layer; `weights[l]`, `biases[l]` are layer l + 1's parameters.
    public func forward(_ x: Variable, weights: [Variable], biases: [Variable]) throws -> Pass {
        precondition(
            weights.count == layers.count && biases.count == layers.count,
            "Network.forward: one weight and one bias per layer")
        var pass = Pass(preActivations: [], activations: [])
        var a = x
        for (l, layer) in layers.enumerated() {
            let (z, next) = try layer.forward(a, weight: weights[l], bias: biases[l])
            pass.preActivations.append(z)
            pass.activations.append(next)
            a = next
        }
        return pass
    }
}
