/// `plot surface L over w in -1..5, b in -1..6`: a contour plot of a scalar over
/// two scalar params.
public struct SurfacePlot: Hashable, Sendable, Codable {
    public var function: Expr
    public var axes: [PlotAxis]

    public init(function: Expr, axes: [PlotAxis]) {
        self.function = function
        self.axes = axes
    }
}

/// `w in -1..5`: a param and the interval it sweeps.
public struct PlotAxis: Hashable, Sendable, Codable {
    public var parameter: Identifier
    public var lower: Expr
    public var upper: Expr

    public init(parameter: Identifier, lower: Expr, upper: Expr) {
        self.parameter = parameter
        self.lower = lower
        self.upper = upper
    }
}
