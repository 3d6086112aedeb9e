/// The lines of entries a reduction runs along: every entry (axis nil), each
/// column (axis 0: down the rows) or each row (axis 1: across the columns).
///
/// Reductions, softmax and their gradients all walk a tensor lane by lane.
public struct Lanes: Sendable {
    /// How many lanes there are.
    public let count: Int
    /// How many entries each lane has.
    public let length: Int
    /// The distance between neighbouring entries of a lane.
    public let step: Int
    /// The shape of one result per lane.
    public let resultShape: Shape
    @usableFromInline let laneStride: Int

    public init(of shape: Shape, axis: Int?, operation: String) throws {
        switch axis {
        case nil:
            (count, length, step, laneStride) = (1, shape.count, 1, 0)
            resultShape = .scalar
        case 0? where shape.isScalar, 1? where shape.isScalar:
            (count, length, step, laneStride) = (1, 1, 1, 0)
            resultShape = .scalar
        case 0?:
            (count, length, step, laneStride) = (shape.cols, shape.rows, shape.cols, 1)
            resultShape = .matrix(1, shape.cols)
        case 1?:
            (count, length, step, laneStride) = (shape.rows, shape.cols, 1, shape.cols)
            resultShape = .matrix(shape.rows, 1)
        case let other?:
            throw TensorError.invalidArgument(
                operation: operation, message: "axis must be 0 (down the rows) or 1 (across the columns), got \(other)")
        }
    }

    /// The index of the first entry of lane `lane`.
    @inlinable
    public func start(_ lane: Int) -> Int { lane * laneStride }
}

extension Tensor {
    /// Reduces each lane to one number.
    func reduced(along lanes: Lanes, _ f: (UnsafeBufferPointer<Double>, Int, Int, Int) -> Double) -> Tensor {
        let out = scalars.withUnsafeBufferPointer { src in
            (0..<lanes.count).map { f(src, lanes.start($0), lanes.length, lanes.step) }
        }
        return Tensor(shape: lanes.resultShape, scalars: out)
    }

    /// The sum of every entry, or of each lane along `axis`.
    public func sum(axis: Int? = nil) throws -> Tensor {
        sum(along: try Lanes(of: shape, axis: axis, operation: "sum"))
    }

    /// The sum of each lane, shaped as the lanes' result.
    func sum(along lanes: Lanes) -> Tensor {
        Tensor(shape: lanes.resultShape, scalars: laneSums(lanes))
    }

    /// The sum of each lane.
    func laneSums(_ lanes: Lanes) -> [Double] {
        scalars.withUnsafeBufferPointer { p in
            (0..<lanes.count).map { lane in
                let start = lanes.start(lane)
                var s = 0.0
                for i in 0..<lanes.length { s += p[start + i * lanes.step] }
                return s
            }
        }
    }
}
