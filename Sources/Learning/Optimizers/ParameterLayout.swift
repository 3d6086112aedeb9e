import Autodiff

/// The shapes of the parameters an optimizer was first given.
///
/// Optimizer state is allocated from these shapes on the first step; later
/// steps are checked against them so that a buffer never meets a parameter of
/// another size.
struct ParameterLayout: Sendable, Codable {
    private(set) var shapes: [Shape]?

    /// Checks `parameters` against `gradients` and against the first step,
    /// recording the shapes on the first call. Returns true on that first call.
    mutating func admit(_ parameters: [Tensor], _ gradients: [Tensor], optimizer: String) throws -> Bool {
        func mismatch(_ message: String) -> OptimizerError {
            .parameterMismatch(optimizer: optimizer, message: message)
        }
        guard parameters.count == gradients.count else {
            throw mismatch("\(gradients.count) gradients for \(parameters.count) parameters")
        }
        for (i, (p, g)) in zip(parameters, gradients).enumerated() where p.shape != g.shape {
            throw mismatch("parameter \(i) has shape \(p.shape) but its gradient has shape \(g.shape)")
        }
        guard let shapes else {
            self.shapes = parameters.map(\.shape)
            return true
        }
        guard parameters.count == shapes.count else {
            throw mismatch("\(parameters.count) parameters, but the first step had \(shapes.count)")
        }
        for (i, (p, s)) in zip(parameters, shapes).enumerated() where p.shape != s {
            throw mismatch("parameter \(i) has shape \(p.shape), but it had shape \(s) on the first step")
        }
        return false
    }

    /// One buffer per parameter, each entry `value`.
    func buffers(filledWith value: Double) -> [[Double]] {
        (shapes ?? []).map { [Double](repeating: value, count: $0.count) }
    }

    /// Buffer `index` of `buffers` as a tensor shaped like its parameter.
    func tensor(_ buffers: [[Double]], _ index: Int) -> Tensor? {
        guard let shapes, buffers.indices.contains(index) else { return nil }
        return Tensor(shape: shapes[index], scalars: buffers[index])
    }

    /// The scalar `value` for parameter `index`, once the first step has been taken.
    func scalar(_ value: Double, _ index: Int) -> Tensor? {
        guard let shapes, shapes.indices.contains(index) else { return nil }
        return Tensor(value)
    }
}

extension Tensor {
    /// Rewrites the entries in place: `body` gets them and the gradient's entries.
    mutating func update(
        gradient: Tensor,
        _ body: (UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Void
    ) {
        let shape = self.shape
        var values = scalars
        // Let go of the storage so `values` owns it alone and is rewritten without a copy.
        self = Tensor.zeros(.matrix(0, 0))
        values.withUnsafeMutableBufferPointer { θ in
            gradient.scalars.withUnsafeBufferPointer { g in body(θ, g) }
        }
        self = Tensor(shape: shape, scalars: values)
    }
}
