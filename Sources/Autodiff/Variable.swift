/// A value in a differentiable computation: its tensor, and how it was made.
///
/// Computations are defined by running them: every operation on variables
/// returns a new variable holding its result and, for each input, a pullback
/// that maps the gradient of the result to that input's share of the gradient
/// (a vector–Jacobian product). `gradients(of:withRespectTo:)` walks these
/// edges backwards. A variable with no edges is a leaf: a parameter, data, or
/// a value held fixed.
public final class Variable {
    public let value: Tensor
    /// The operation that made this value (`leaf` for leaves), for messages.
    public let operation: String
    /// One edge per input; `var` only so that `deinit` can unlink long chains.
    private(set) var edges: [Edge]
    /// For operations with kinks (relu, abs, max, min): a fingerprint of which
    /// branch every entry took. A gradient check compares fingerprints around a
    /// point to tell a kink from a wrong derivative.
    let branchSignature: (() -> UInt64)?

    struct Edge {
        let input: Variable
        /// Maps the gradient of this variable to the gradient of `input`.
        /// Captures tensors only, never variables, so the graph owns its nodes.
        let pullback: (Tensor) -> Tensor
    }

    /// A leaf.
    public init(_ value: Tensor) {
        self.value = value
        self.operation = "leaf"
        self.edges = []
        self.branchSignature = nil
    }

    init(_ value: Tensor, operation: String, edges: [Edge], branchSignature: (() -> UInt64)? = nil) {
        self.value = value
        self.operation = operation
        self.edges = edges
        self.branchSignature = branchSignature
    }

    public var shape: Shape { value.shape }

    // Releasing the head of a 100,000-operation chain would otherwise recurse
    // once per node and overflow the stack: unlink uniquely held inputs in a loop.
    deinit {
        guard !edges.isEmpty else { return }
        var pending = edges.map(\.input)
        edges.removeAll()
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.edges.map(\.input))
                node.edges.removeAll()
            }
        }
    }
}

extension Variable: CustomStringConvertible {
    public var description: String { "Variable(\(operation), \(shape))" }
}
