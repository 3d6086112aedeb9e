import Autodiff
import Foundation
import Notation

/// `plot line`, `plot scatter`, `plot histogram` and `plot bars`: figures of any value.
extension Interpreter {
    /// Grid points along each axis of a scatter plot's boundary.
    static let boundaryResolution = 61

    func linePlot(_ plot: LinePlot, at location: SourceLocation) throws -> LinePlotResult {
        let labels = plot.values.map { "\($0)" }
        if plot.overEpochs {
            guard let training = environment.lastTraining else {
                throw RuntimeError(
                    "plot line … over epochs draws values recorded by a train statement before it "
                        + "(train 100 epochs, record \(labels[0]))", at: location)
            }
            let series = try zip(plot.values, labels).map { expression, label -> LinePlotResult.Series in
                guard let recorded = training.recorded.first(where: { $0.label == label }) else {
                    throw RuntimeError(
                        "'\(label)' was not recorded by the train at line \(training.line): "
                            + "write train …, record \(label)", at: expression.location)
                }
                return .init(label: label, xs: recorded.epochs.map(Double.init), ys: recorded.values)
            }
            return LinePlotResult(line: location.line, overEpochs: true, series: series)
        }
        let evaluation = Evaluation(environment)
        defer { evaluation.recordLayerValues() }
        let series = try zip(plot.values, labels).map { expression, label -> LinePlotResult.Series in
            let value = try evaluation.evaluate(expression).value
            guard value.rows == 1 || value.cols == 1 else {
                throw RuntimeError(
                    "plot line draws a vector (a row or a column); '\(label)' has shape \(value.shape)",
                    at: expression.location)
            }
            return .init(label: label, xs: value.scalars.indices.map(Double.init), ys: value.scalars)
        }
        return LinePlotResult(line: location.line, overEpochs: false, series: series)
    }

    func scatterPlot(_ plot: ScatterPlot, at location: SourceLocation) throws -> ScatterPlotResult {
        let evaluation = Evaluation(environment)
        defer { evaluation.recordLayerValues() }
        let features = try evaluation.evaluate(plot.features).value
        guard !features.shape.isScalar, features.cols == 2, features.rows > 0 else {
            throw RuntimeError(
                "plot scatter takes two feature columns, one point per row (n×2); "
                    + "'\(plot.features)' has shape \(features.shape)", at: plot.features.location)
        }
        var classes: [Double] = []
        var labelOfRow = [Int](repeating: 0, count: features.rows)
        if let labelExpression = plot.labels {
            let labels = try evaluation.evaluate(labelExpression).value
            guard labels.shape == .matrix(features.rows, 1) else {
                throw RuntimeError(
                    "the labels must be one per point (\(features.rows)×1); '\(labelExpression)' has shape "
                        + "\(labels.shape)", at: labelExpression.location)
            }
            if let bad = labels.scalars.firstIndex(where: { !$0.isFinite }) {
                throw RuntimeError(
                    "the label at row \(bad) is \(labels.scalars[bad]); labels must be finite",
                    at: labelExpression.location)
            }
            classes = Array(Set(labels.scalars)).sorted()
            guard classes.count <= FigureLimits.classes else {
                throw RuntimeError(
                    "plot scatter colours at most \(FigureLimits.classes) labels; '\(labelExpression)' has "
                        + "\(classes.count) different values", at: labelExpression.location)
            }
            let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            labelOfRow = labels.scalars.map { index[$0]! }
        }
        let points = (0..<features.rows).map { r in
            ScatterPlotResult.Point(x: features[r, 0], y: features[r, 1], label: labelOfRow[r])
        }
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xRange = paddedRange(finite.map(\.x)), yRange = paddedRange(finite.map(\.y))
        var result = ScatterPlotResult(
            line: location.line, features: "\(plot.features)", labels: plot.labels.map { "\($0)" },
            points: points, classes: classes, xRange: xRange, yRange: yRange)
        if let boundary = plot.boundary {
            result.boundary = try self.boundary(boundary, over: plot.features, xRange, yRange)
        }
        return result
    }

    /// The data's span with a twentieth of it added on each side (±1 around a
    /// single value), so no point sits on the frame.
    private func paddedRange(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return -1...1 }
        let pad = high > low ? (high - low) / 20 : 1
        let range = (low - pad)...(high + pad)
        return range.lowerBound.isFinite && range.upperBound.isFinite ? range : low...high
    }

    /// The boundary's function on a grid over the plotted range, evaluated once
    /// on all grid points: the features' name stands for the grid's rows.
    private func boundary(
        _ function: Expr, over features: Expr, _ xRange: ClosedRange<Double>,
        _ yRange: ClosedRange<Double>
    ) throws -> ScatterPlotResult.Boundary {
        guard case let .name(name) = features.kind else {
            throw RuntimeError(
                "a boundary is drawn over the points of a named value: name the features "
                    + "(data x = …) and write plot scatter x, y with boundary net(x)", at: features.location)
        }
        let n = Self.boundaryResolution
        let xs = (0..<n).map { interpolate(xRange.lowerBound, xRange.upperBound, Double($0), of: Double(n - 1)) }
        let ys = (0..<n).map { interpolate(yRange.lowerBound, yRange.upperBound, Double($0), of: Double(n - 1)) }
        var grid: [Double] = []
        for y in ys { for x in xs { grid += [x, y] } }
        let points = Variable(Tensor(shape: .matrix(n * n, 2), scalars: grid))
        let value = try Evaluation(environment, overrides: [name: points]).evaluate(function).value
        guard value.shape == .matrix(n * n, 1) else {
            throw RuntimeError(
                "the boundary is the 0.5 contour of one output per point (n×1, a probability); "
                    + "'\(function)' gives \(value.shape) for \(n * n) points", at: function.location)
        }
        let values = (0..<n).map { j in Array(value.scalars[(j * n)..<((j + 1) * n)]) }
        return .init(function: "\(function)", level: 0.5, xs: xs, ys: ys, values: values)
    }

    func histogram(_ plot: HistogramPlot, at location: SourceLocation) throws -> HistogramResult {
        let value = try evaluateOnce(plot.value).value
        let finite = value.scalars.filter(\.isFinite)
        let label = "\(plot.value)"
        guard let low = finite.min(), let high = finite.max() else {
            throw RuntimeError("'\(label)' has no finite entry to count", at: plot.value.location)
        }
        let bins = plot.bins ?? min(50, max(5, Int(Double(finite.count).squareRoot().rounded(.up))))
        // One value alone gets a bin around it: of width 1, or wider where 1 is
        // below its precision (1e308), kept finite at the ends of the Doubles.
        let pad = max(0.5, Swift.abs(low) / 1e12), limit = Double.greatestFiniteMagnitude
        let (lower, upper) = high > low ? (low, high) : (max(-limit, low - pad), min(limit, high + pad))
        var counts = [Int](repeating: 0, count: bins)
        let span = upper - lower, half = upper / 2 - lower / 2
        for x in finite {
            // The span itself where it is finite; halved where it is not (-1e308…1e308).
            let t = span.isFinite ? (x - lower) / span : (x / 2 - lower / 2) / half
            let k = t.isFinite ? Int((t * Double(bins)).rounded(.down)) : 0
            counts[min(max(k, 0), bins - 1)] += 1
        }
        return HistogramResult(
            line: location.line, value: label,
            lower: lower, upper: upper, counts: counts, leftOut: value.count - finite.count)
    }

    func bars(_ plot: BarPlot, at location: SourceLocation) throws -> BarPlotResult {
        let value = try evaluateOnce(plot.value).value
        let label = "\(plot.value)"
        guard value.rows == 1 || value.cols == 1 else {
            throw RuntimeError(
                "plot bars draws a vector (a row or a column); '\(label)' has shape \(value.shape)",
                at: plot.value.location)
        }
        guard value.count <= FigureLimits.bars else {
            throw RuntimeError(
                "plot bars draws at most \(FigureLimits.bars) bars; '\(label)' has \(value.count) "
                    + "entries (plot histogram shows how many entries take which values)",
                at: plot.value.location)
        }
        let finite = value.scalars.indices.filter { value.scalars[$0].isFinite }
        return BarPlotResult(
            line: location.line, value: label,
            indices: finite, values: finite.map { value.scalars[$0] }, count: value.count)
    }
}

/// What figures can tell apart.
enum FigureLimits {
    /// Label values a scatter plot colours, one style each.
    static let classes = 8
    /// Bars a figure has room for: 552 points of plot area, each bar a few of them.
    static let bars = 200
}
