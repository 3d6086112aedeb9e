/// A scalar function probed near a point for a gradient check: its value at
/// x + s·direction, the central and five-point differences with the rounding
/// error their evaluations allow, and whether a kink changes branch nearby.
struct FiniteDifferenceProbe {
    let x: Tensor
    let f: (Variable) throws -> Variable
    /// Entries in the function's graph, which bound the rounding of one evaluation.
    let graphSize: Int
    private let hasKinks: Bool
    private let baseSignature: UInt64

    /// `output` is f at x, whose graph tells whether there are kinks to watch.
    init(x: Tensor, output: Variable, _ f: @escaping (Variable) throws -> Variable) {
        self.x = x
        self.f = f
        let graph = topologicalOrder(from: output)
        hasKinks = graph.contains { $0.branchSignature != nil }
        graphSize = graph.reduce(0) { $0 + $1.value.count }
        baseSignature = hasKinks ? branchSignature(of: output) : 0
    }

    private func value(at point: Tensor) throws -> Double { try f(Variable(point)).value.scalar }

    /// The point x + s·direction.
    private func along(_ direction: Tensor, _ s: Double) -> Tensor {
        Tensor.zip(x, direction, to: x.shape) { $0 + s * $1 }
    }

    /// Whether some kinked operation takes another branch within 10h either way.
    func nearKink(_ direction: Tensor, _ h: Double) throws -> Bool {
        guard hasKinks else { return false }
        return try branchSignature(of: f(Variable(along(direction, 10 * h)))) != baseSignature
            || branchSignature(of: f(Variable(along(direction, -10 * h)))) != baseSignature
    }

    func central(_ direction: Tensor, _ h: Double) throws -> (fd: Double, roundoff: Double) {
        let f1 = try value(at: along(direction, h)), f_1 = try value(at: along(direction, -h))
        return (
            (f1 - f_1) / (2 * h),
            GradientCheckOptions.roundoff(
                terms: graphSize, sumOfMagnitudes: Swift.abs(f1) + Swift.abs(f_1), divisor: 2 * h)
        )
    }

    func fivePoint(_ direction: Tensor, _ h: Double) throws -> (fd: Double, roundoff: Double) {
        let f1 = try value(at: along(direction, h)), f_1 = try value(at: along(direction, -h))
        let f2 = try value(at: along(direction, 2 * h)), f_2 = try value(at: along(direction, -2 * h))
        let magnitudes = Swift.abs(f2) + 8 * Swift.abs(f1) + 8 * Swift.abs(f_1) + Swift.abs(f_2)
        return (
            (-f2 + 8 * f1 - 8 * f_1 + f_2) / (12 * h),
            GradientCheckOptions.roundoff(terms: graphSize, sumOfMagnitudes: magnitudes, divisor: 12 * h)
        )
    }
}
