import CElementwise
import Foundation

/// Element-wise functions and activations.
extension Variable {
    /// An element-wise function with its derivative, given as a function of the
    /// input x and the output y (whichever is cheaper).
    ///
    /// Always inlined so that `f` and `derivative` are known at each use and their
    /// loops compile to straight code rather than a call per entry.
    @inline(__always)
    func elementwise(
        _ name: String, _ f: (Double) -> Double,
        derivative: @escaping (_ x: Double, _ y: Double) -> Double,
        branchSignature: (() -> UInt64)? = nil
    ) -> Variable {
        let x = value
        let y = x.map(f)
        return Variable(
            y, operation: name,
            edges: [
                Edge(input: self) { g in g.chained(x, y, derivative) }
            ], branchSignature: branchSignature)
    }

    /// eˣ;  d/dx = eˣ.
    public func exp() -> Variable { elementwise("exp", Foundation.exp) { _, y in y } }

    /// ln x;  d/dx = 1/x.
    public func log() -> Variable { elementwise("log", Foundation.log) { x, _ in 1 / x } }

    /// √x;  d/dx = 1/(2√x).
    public func sqrt() -> Variable { elementwise("sqrt", Foundation.sqrt) { _, y in 0.5 / y } }

    /// |x|;  d/dx = sign x (0 at the kink x = 0).
    public func abs() -> Variable {
        let x = value
        return elementwise(
            "abs", Swift.abs, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) },
            branchSignature: { x.signPattern { $0 > 0 ? 1 : ($0 < 0 ? 2 : 0) } })
    }

    /// σ(x) = 1/(1 + e⁻ˣ);  d/dx = σ(x)(1 − σ(x)).
    public func sigmoid() -> Variable {
        let x = value
        let y = x.sigmoid()
        return Variable(
            y, operation: "sigmoid",
            edges: [
                Edge(input: self) { g in g.chained(x, y) { _, y in y * (1 - y) } }
            ])
    }

    /// tanh x;  d/dx = 1 − tanh²x.
    public func tanh() -> Variable { elementwise("tanh", Foundation.tanh) { _, y in 1 - y * y } }

    /// max(x, 0);  d/dx = 1 for x > 0, else 0 (the kink at 0 takes 0, as PyTorch).
    public func relu() -> Variable {
        let x = value
        return elementwise(
            "relu", { $0 > 0 ? $0 : 0 }, derivative: { x, _ in x > 0 ? 1 : 0 },
            branchSignature: { x.signPattern { $0 > 0 ? 1 : 0 } })
    }

    /// The logistic function without overflow: the exponential is only taken of
    /// −|x|, giving 1/(1 + e⁻ˣ) for x ≥ 0 and eˣ/(1 + eˣ) below, as one
    /// correctly rounded quotient.
    ///
    /// The exponential is tutor's own (`tutor_exp`, within an ulp), whose
    /// vector form gives the same bits eight at a time: a layer's activations
    /// and this function agree exactly, on every processor.
    public static func sigmoid(_ x: Double) -> Double { tutor_sigmoid(x) }
}

extension Tensor {
    /// A fingerprint (FNV-1a) of a small code per entry: which branch of a
    /// piecewise function each entry falls on.
    func signPattern(_ code: (Double) -> UInt8) -> UInt64 {
        var hash = FNV1a()
        for x in scalars { hash.combine(UInt64(code(x))) }
        return hash.value
    }
}
