import Learning
import Notation

/// `plot surface`: a loss over a grid of two scalar params.
extension Interpreter {
    /// Grid points along each axis.
    static let surfaceResolution = 41

    func surface(_ plot: SurfacePlot, at location: SourceLocation) throws -> SurfacePlotResult {
        guard plot.axes.count == 2 else {
            throw RuntimeError("plot surface takes two params: over w in -1..5, b in -1..6", at: location)
        }
        if plot.axes[0].parameter.name == plot.axes[1].parameter.name {
            throw RuntimeError("plot surface needs two different params; '\(plot.axes[1].parameter.name)' is named twice",
                               at: plot.axes[1].parameter.location)
        }
        let evaluation = Evaluation(environment)
        var ranges: [[Double]] = []
        for axis in plot.axes {
            guard case .parameter? = environment.binding(axis.parameter.name),
                  let value = environment.parameters[axis.parameter.name], value.count == 1 else {
                throw RuntimeError("'\(axis.parameter.name)' must be a scalar param", at: axis.parameter.location)
            }
            let low = try evaluation.number(axis.lower, "the lower bound")
            let high = try evaluation.number(axis.upper, "the upper bound")
            guard low.isFinite, high.isFinite else {
                throw RuntimeError("the range must have finite bounds: \(low)..\(high)", at: axis.lower.location)
            }
            guard low < high else { throw RuntimeError("the range must go up: \(low)..\(high)", at: axis.lower.location) }
            let n = Self.surfaceResolution
            ranges.append((0..<n).map { interpolate(low, high, Double($0), of: Double(n - 1)) })
        }
        let (xName, yName) = (plot.axes[0].parameter.name, plot.axes[1].parameter.name)
        let shapes = (environment.parameters[xName]!.shape, environment.parameters[yName]!.shape)
        var values: [[Double]] = []
        for y in ranges[1] {
            var row: [Double] = []
            for x in ranges[0] {
                let overrides = [xName: Variable(Tensor(repeating: x, shape: shapes.0)),
                                 yName: Variable(Tensor(repeating: y, shape: shapes.1))]
                let value = try Evaluation(environment, overrides: overrides).evaluate(plot.function).value
                guard value.count == 1 else {
                    throw RuntimeError("the plotted function must be a single number; it has shape \(value.shape)",
                                       at: plot.function.location)
                }
                row.append(value.scalars[0])
            }
            values.append(row)
        }
        let path: [SurfacePlotResult.PathPoint]
        if let xs = environment.lastTraining?.trajectories[xName], let ys = environment.lastTraining?.trajectories[yName] {
            path = zip(xs, ys).map { SurfacePlotResult.PathPoint(x: $0, y: $1) }
        } else {
            path = []
        }
        return SurfacePlotResult(line: location.line, function: "\(plot.function)", xName: xName, yName: yName,
                                 xs: ranges[0], ys: ranges[1], values: values, path: path)
    }
}

/// The point `k / n` of the way from `a` to `b`; a span wider than the
/// largest Double (-1e308..1e308) is taken in two parts, so no point is infinite.
/// `t` is `k / n`, computed as `a + (b - a) * k / n` when the span is finite.
public func interpolate(_ a: Double, _ b: Double, _ k: Double, of n: Double) -> Double {
    let span = b - a
    return span.isFinite ? a + span * k / n : a * (1 - k / n) + b * (k / n)
}
