import Foundation

/// Element-wise arithmetic with broadcasting. The gradient of a broadcast
/// operand is summed back to its shape.
extension Variable {
    /// a + b;  ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Variable, b: Variable) throws -> Variable {
        let value = try Tensor.broadcasting(a.value, b.value, operation: "+", +)
        let sa = a.shape, sb = b.shape
        return Variable(
            value, operation: "+",
            edges: [
                Edge(input: a) { g in g.summed(to: sa) },
                Edge(input: b) { g in g.summed(to: sb) },
            ])
    }

    /// a − b;  ∂/∂a = 1, ∂/∂b = −1.
    public static func - (a: Variable, b: Variable) throws -> Variable {
        let value = try Tensor.broadcasting(a.value, b.value, operation: "-", -)
        let sa = a.shape, sb = b.shape
        return Variable(
            value, operation: "-",
            edges: [
                Edge(input: a) { g in g.summed(to: sa) },
                Edge(input: b) { g in (-g).summed(to: sb) },
            ])
    }

    /// a ⊙ b (element-wise);  ∂/∂a = b, ∂/∂b = a.
    public static func * (a: Variable, b: Variable) throws -> Variable {
        let value = try Tensor.broadcasting(a.value, b.value, operation: "*", *)
        let va = a.value, vb = b.value, shape = value.shape
        return Variable(
            value, operation: "*",
            edges: [
                Edge(input: a) { g in Tensor.zip(g, vb, to: shape, *).summed(to: va.shape) },
                Edge(input: b) { g in Tensor.zip(g, va, to: shape, *).summed(to: vb.shape) },
            ])
    }

    /// a / b (element-wise);  ∂/∂a = 1/b, ∂/∂b = −a/b².
    public static func / (a: Variable, b: Variable) throws -> Variable {
        let value = try Tensor.broadcasting(a.value, b.value, operation: "/", /)
        let va = a.value, vb = b.value, shape = value.shape
        return Variable(
            value, operation: "/",
            edges: [
                Edge(input: a) { g in Tensor.zip(g, vb, to: shape, /).summed(to: va.shape) },
                Edge(input: b) { g in
                    // −g·(a/b)/b, reusing the forward result a/b.
                    let gq = Tensor.zip(g, value, to: shape, *)
                    return Tensor.zip(gq, vb, to: shape) { -$0 / $1 }.summed(to: vb.shape)
                },
            ])
    }

    /// −a;  ∂/∂a = −1.
    public static prefix func - (a: Variable) -> Variable {
        Variable(-a.value, operation: "neg", edges: [Edge(input: a) { g in -g }])
    }

    /// aᵇ element-wise (b may be a scalar or broadcast);
    /// ∂/∂a = b·aᵇ⁻¹, ∂/∂b = aᵇ·ln a (taken as 0 where a = 0, as PyTorch does).
    public static func pow(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try Tensor.broadcasting(a.value, b.value, operation: "^", Foundation.pow)
        let va = a.value, vb = b.value, shape = value.shape
        return Variable(
            value, operation: "^",
            edges: [
                Edge(input: a) { g in
                    let d = Tensor.zip(va, vb, to: shape) { x, p in p == 0 ? 0 : p * Foundation.pow(x, p - 1) }
                    return Tensor.zip(g, d, to: shape, *).summed(to: va.shape)
                },
                Edge(input: b) { g in
                    let d = Tensor.zip(va, value, to: shape) { x, y in x == 0 ? 0 : y * Foundation.log(x) }
                    return Tensor.zip(g, d, to: shape, *).summed(to: vb.shape)
                },
            ])
    }
}
