import Autodiff
import Notation

/// `plot surface`: a loss over a grid of two scalar params or entries of params.
extension Interpreter {
    /// Grid points along each axis.
    static let surfaceResolution = 41

    func surface(_ plot: SurfacePlot, at location: SourceLocation) throws -> SurfacePlotResult {
        guard plot.axes.count == 2 else {
            throw RuntimeError("plot surface takes two params: over w in -1..5, b in -1..6", at: location)
        }
        let evaluation = Evaluation(environment)
        var ranges: [[Double]] = []
        var entries: [(name: String, index: Int)] = []
        for axis in plot.axes {
            let entry = (name: axis.parameter.name, index: try entryIndex(axis))
            if let first = entries.first, first == entry {
                throw RuntimeError(
                    "plot surface needs two different params or entries; '\(axis.label)' is named twice",
                    at: axis.parameter.location)
            }
            entries.append(entry)
            let low = try evaluation.number(axis.lower, "the lower bound")
            let high = try evaluation.number(axis.upper, "the upper bound")
            guard low.isFinite, high.isFinite else {
                throw RuntimeError("the range must have finite bounds: \(low)..\(high)", at: axis.lower.location)
            }
            guard low < high else {
                throw RuntimeError("the range must go up: \(low)..\(high)", at: axis.lower.location)
            }
            let n = Self.surfaceResolution
            ranges.append((0..<n).map { interpolate(low, high, Double($0), of: Double(n - 1)) })
        }
        var values: [[Double]] = []
        for y in ranges[1] {
            var row: [Double] = []
            for x in ranges[0] {
                // Both entries may be of one param: each is set in one copy of it.
                var nudged: [String: Tensor] = [:]
                for (entry, value) in zip(entries, [x, y]) {
                    let tensor = nudged[entry.name] ?? environment.parameters[entry.name]!
                    var scalars = tensor.scalars
                    scalars[entry.index] = value
                    nudged[entry.name] = Tensor(shape: tensor.shape, scalars: scalars)
                }
                let value = try Evaluation(environment, overrides: nudged.mapValues { Variable($0) })
                    .evaluate(plot.function).value
                guard value.count == 1 else {
                    throw RuntimeError(
                        "the plotted function must be a single number; it has shape \(value.shape)",
                        at: plot.function.location)
                }
                row.append(value.scalars[0])
            }
            values.append(row)
        }
        let keys = entries.map { trajectoryKey($0.name, index: $0.index) }
        let path: [SurfacePlotResult.PathPoint]
        if let xs = environment.lastTraining?.trajectories[keys[0]],
            let ys = environment.lastTraining?.trajectories[keys[1]]
        {
            path = zip(xs, ys).map { SurfacePlotResult.PathPoint(x: $0, y: $1) }
        } else {
            path = []
        }
        return SurfacePlotResult(
            line: location.line, function: "\(plot.function)",
            xName: plot.axes[0].label, yName: plot.axes[1].label,
            xs: ranges[0], ys: ranges[1], values: values, path: path)
    }

    /// The position in the param's entries (row after row) that an axis varies.
    private func entryIndex(_ axis: PlotAxis) throws -> Int {
        let name = axis.parameter.name
        guard case .parameter? = environment.binding(name), let value = environment.parameters[name] else {
            throw RuntimeError("'\(name)' must be a param", at: axis.parameter.location)
        }
        switch axis.entry.count {
        case 0:
            guard value.count == 1 else {
                throw RuntimeError(
                    "'\(name)' has shape \(value.shape), not a scalar: name one entry of it (\(name)[0,1] in -2..2)",
                    at: axis.parameter.location)
            }
            return 0
        case 1:
            let i = axis.entry[0]
            guard value.rows == 1 || value.cols == 1 else {
                throw RuntimeError(
                    "'\(name)' has shape \(value.shape): name an entry by row and column (\(name)[\(i),0])",
                    at: axis.parameter.location)
            }
            guard i < value.count else {
                throw RuntimeError(
                    "'\(name)' has \(value.count) entries, 0…\(value.count - 1); there is no entry \(i)",
                    at: axis.parameter.location)
            }
            return i
        default:
            let (r, c) = (axis.entry[0], axis.entry[1])
            guard r < value.rows, c < value.cols else {
                throw RuntimeError(
                    "'\(name)' has shape \(value.shape): rows 0…\(value.rows - 1), columns 0…\(value.cols - 1); "
                        + "there is no entry [\(r),\(c)]", at: axis.parameter.location)
            }
            return r * value.cols + c
        }
    }
}

/// The key of a param's entry in `TrainingResult.trajectories`: the name of a
/// param with one entry, `W[r,c]` for an entry of a larger one.
func trajectoryKey(_ name: String, index: Int, of shape: Shape) -> String {
    shape.count == 1 ? name : PlotAxis.label(name, entry: [index / shape.cols, index % shape.cols])
}

extension Interpreter {
    func trajectoryKey(_ name: String, index: Int) -> String {
        Runner.trajectoryKey(name, index: index, of: environment.parameters[name]?.shape ?? .scalar)
    }
}

/// The point `k / n` of the way from `a` to `b`; a span wider than the
/// largest Double (-1e308..1e308) is taken in two parts, so no point is infinite.
/// `t` is `k / n`, computed as `a + (b - a) * k / n` when the span is finite.
public func interpolate(_ a: Double, _ b: Double, _ k: Double, of n: Double) -> Double {
    let span = b - a
    return span.isFinite ? a + span * k / n : a * (1 - k / n) + b * (k / n)
}
