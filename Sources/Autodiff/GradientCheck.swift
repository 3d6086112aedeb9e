import Foundation

/// How a gradient check compares autodiff with finite differences.
public struct GradientCheckOptions: Sendable {
    /// Agreement means |ad − fd| ≤ absoluteTolerance + relativeTolerance·|fd|.
    public var absoluteTolerance = 1e-6
    public var relativeTolerance = 1e-4
    /// The step is h = relativeStep · max(1, |x|).
    public var relativeStep = 1e-6
    /// Values with more entries are checked along random directions instead.
    public var maximumEntries = 1000
    /// So are values whose entries times the size of the graph (the entries of
    /// every value computed, a deterministic measure of one evaluation's cost)
    /// exceed this: entry by entry, a large model would be evaluated too often.
    public var maximumWork = 20_000_000
    /// How many random directions, for large values.
    public var directions = 16
    /// Seeds the random directions, so a check is repeatable.
    public var seed: UInt64 = 0

    public init() {}

    /// The finite-difference step at a value of this magnitude: relativeStep · max(1, |x|).
    public func step(at magnitude: Double) -> Double {
        relativeStep * Swift.max(1, Swift.abs(magnitude))
    }

    /// The disagreement allowed against a finite difference:
    /// absoluteTolerance + relativeTolerance·|fd| + roundoff, where `roundoff`
    /// is what rounding in evaluating f alone can put into the difference
    /// (`roundoff(terms:sumOfMagnitudes:step:)`).
    public func tolerance(finiteDifference fd: Double, roundoff: Double) -> Double {
        absoluteTolerance + relativeTolerance * Swift.abs(fd) + roundoff
    }

    public func tolerance(finiteDifference fd: Double) -> Double { tolerance(finiteDifference: fd, roundoff: 0) }

    /// Whether autodiff and a finite difference agree (never when either is NaN).
    public func agrees(autodiff ad: Double, finiteDifference fd: Double, roundoff: Double) -> Bool {
        Swift.abs(ad - fd) <= tolerance(finiteDifference: fd, roundoff: roundoff)
    }

    public func agrees(autodiff ad: Double, finiteDifference fd: Double) -> Bool {
        agrees(autodiff: ad, finiteDifference: fd, roundoff: 0)
    }

    /// The error rounding can put into a difference quotient Σ cᵢ f(xᵢ) / d:
    /// each f is computed through `terms` rounded operations (the entries of
    /// every value in its graph), whose errors add up like a random walk,
    /// about ε·√terms·|f| each; the quotient carries Σ|cᵢ f(xᵢ)| / d of them,
    /// with a safety factor of 4. At sum(W²) of a 200×200 W (f ≈ 4·10⁴, h ≈ 4·10⁻⁶)
    /// that is about 2·10⁻³, which the fixed tolerance alone did not allow;
    /// for a small chapter value it is below 10⁻⁸.
    public static func roundoff(terms: Int, sumOfMagnitudes: Double, divisor: Double) -> Double {
        4 * Double.ulpOfOne * Foundation.sqrt(Double(Swift.max(1, terms))) * sumOfMagnitudes / divisor
    }
}

/// What a gradient check found.
public struct GradientCheckReport: Sendable, Equatable, Codable {
    public enum Method: Sendable, Equatable, Codable {
        /// Every entry nudged in turn.
        case entries
        /// Directional differences along this many seeded random unit vectors.
        case randomDirections(Int)
    }

    /// One compared number: a partial derivative, or a directional derivative.
    public struct Comparison: Sendable, Equatable, Codable {
        /// The entry (row, column), or nil for a random direction.
        public var row: Int?
        public var column: Int?
        public var autodiff: Double
        public var finiteDifference: Double
        public var absoluteError: Double { Swift.abs(autodiff - finiteDifference) }

        public init(row: Int?, column: Int?, autodiff: Double, finiteDifference: Double) {
            self.row = row
            self.column = column
            self.autodiff = autodiff
            self.finiteDifference = finiteDifference
        }
    }

    public var method: Method
    /// Numbers compared (entries or directions).
    public var checked = 0
    /// Entries or directions within 10h of a kink (relu or abs at 0, a tie in
    /// max or min): reported, not compared.
    public var skippedNearKink = 0
    /// Comparisons that disagreed even with the five-point stencil.
    public var failed = 0
    /// Comparisons that needed the five-point stencil to agree.
    public var richardsonRetries = 0
    public var maxAbsoluteError = 0.0
    /// |ad − fd| / max(|ad|, |fd|, 1e-8).
    public var maxRelativeError = 0.0
    /// The comparison furthest outside (or nearest to) its tolerance.
    public var worst: Comparison?

    public var passed: Bool { failed == 0 }

    public init(method: Method) { self.method = method }
}

/// Checks the autodiff gradient of a scalar function against central finite
/// differences, at `x`.
///
/// `f` builds the computation from a leaf holding its input; it is called once
/// for autodiff and again for every nudged point. Small values are checked
/// entry by entry with h = 1e-6·max(1, |xᵢ|); a disagreement is retried with the
/// five-point Richardson stencil before it counts. Values with more than
/// `maximumEntries` entries, or more work than `maximumWork`, are checked along
/// seeded random unit directions v,
/// comparing vᵀ∇f with (f(x + hv) − f(x − hv)) / 2h. A point where some kink
/// changes branch within 10h is skipped and counted.
///
/// `gradient`, when given, is the autodiff gradient to confirm (one computed
/// elsewhere, on another graph); otherwise it is computed here from `f`.
public func checkGradient(
    at x: Tensor, gradient supplied: Tensor? = nil,
    options: GradientCheckOptions = GradientCheckOptions(),
    _ f: (Variable) throws -> Variable
) throws -> GradientCheckReport {
    if let supplied, supplied.shape != x.shape {
        throw TensorError.shapeMismatch(operation: "checkGradient", x.shape, supplied.shape)
    }
    return try withoutActuallyEscaping(f) { f in
        let leaf = Variable(x)
        let output = try f(leaf)
        let gradient = try supplied ?? gradients(of: output, withRespectTo: [leaf])[0]
        let probe = FiniteDifferenceProbe(x: x, output: output, f)
        let (method, points) = plannedComparisons(
            at: x, gradient: gradient, graphSize: probe.graphSize, options: options)
        var tally = GradientCheckTally(method: method)
        for point in points { try tally.compare(point, probe, options: options) }
        return tally.report
    }
}

/// One comparison a check makes: autodiff's derivative along a direction
/// against the finite differences of f there.
private struct PlannedComparison {
    var direction: Tensor
    var step: Double
    var autodiff: Double
    /// The entry compared, or nil for a random direction.
    var row: Int?
    var column: Int?
}

/// Every entry in turn, or seeded random unit directions when x has more than
/// `maximumEntries` entries or the entries would cost more than `maximumWork`;
/// made one at a time, as the check reaches them.
private func plannedComparisons(at x: Tensor, gradient: Tensor, graphSize: Int, options: GradientCheckOptions)
    -> (GradientCheckReport.Method, AnySequence<PlannedComparison>)
{
    if x.count <= options.maximumEntries && x.count * graphSize <= options.maximumWork {
        return (
            .entries,
            AnySequence(
                (0..<x.count).lazy.map { k in
                    var unit = Tensor.zeros(x.shape)
                    unit.scalars[k] = 1
                    return PlannedComparison(
                        direction: unit, step: options.step(at: x.scalars[k]), autodiff: gradient.scalars[k],
                        row: k / x.cols, column: k % x.cols)
                })
        )
    }
    // A unit direction moves each of n entries by about 1/√n of the step;
    // scaled by √n, each entry moves as much as in an entry-by-entry
    // check, and the rounding of f weighs √n times less.
    let h = options.step(at: x.maxAbs) * Foundation.sqrt(Double(x.count))
    let directions = sequence(state: (random: SplitMix64(seed: options.seed), left: options.directions)) { state in
        guard state.left > 0 else { return Optional<PlannedComparison>.none }
        state.left -= 1
        var v = Tensor(shape: x.shape, scalars: (0..<x.count).map { _ in state.random.nextSigned() })
        let norm = Foundation.sqrt(v.scalars.reduce(0) { $0 + $1 * $1 })
        v = v.scaled(by: 1 / norm)
        let ad = zip(v.scalars, gradient.scalars).reduce(0) { $0 + $1.0 * $1.1 }
        return PlannedComparison(direction: v, step: h, autodiff: ad, row: nil, column: nil)
    }
    return (.randomDirections(options.directions), AnySequence(directions))
}

/// The report of a check, comparison by comparison.
private struct GradientCheckTally {
    var report: GradientCheckReport
    /// The worst comparison's error over its tolerance so far.
    private var worstRatio = -1.0

    init(method: GradientCheckReport.Method) { report = GradientCheckReport(method: method) }

    /// Skips a point near a kink; otherwise compares with central differences,
    /// retried with the five-point stencil before a disagreement counts.
    mutating func compare(
        _ point: PlannedComparison, _ probe: FiniteDifferenceProbe,
        options: GradientCheckOptions
    ) throws {
        let (ad, direction, h) = (point.autodiff, point.direction, point.step)
        if try probe.nearKink(direction, h) {
            report.skippedNearKink += 1
            return
        }
        var (fd, roundoff) = try probe.central(direction, h)
        if !options.agrees(autodiff: ad, finiteDifference: fd, roundoff: roundoff) {
            (fd, roundoff) = try probe.fivePoint(direction, h)
            if options.agrees(autodiff: ad, finiteDifference: fd, roundoff: roundoff) {
                report.richardsonRetries += 1
            } else {
                report.failed += 1
            }
        }
        report.checked += 1
        let comparison = GradientCheckReport.Comparison(
            row: point.row, column: point.column, autodiff: ad,
            finiteDifference: fd)
        let error = comparison.absoluteError.isNaN ? Double.infinity : comparison.absoluteError
        report.maxAbsoluteError = Swift.max(report.maxAbsoluteError, error)
        let scale = Swift.max(Swift.abs(ad), Swift.abs(fd), 1e-8)
        report.maxRelativeError = Swift.max(report.maxRelativeError, error / scale)
        let ratio = error / options.tolerance(finiteDifference: fd, roundoff: roundoff)
        if ratio > worstRatio || ratio.isNaN {
            worstRatio = ratio.isNaN ? .infinity : ratio
            report.worst = comparison
        }
    }
}

/// A fingerprint of the branch every kinked operation in the graph took.
func branchSignature(of output: Variable) -> UInt64 {
    var hash = FNV1a()
    for node in topologicalOrder(from: output) {
        if let signature = node.branchSignature { hash.combine(signature()) }
    }
    return hash.value
}
