/// `plot surface L over w in -1..5, b in -1..6`: a contour plot of a scalar over
/// two scalar params, or two entries of params (`W[0,1] in -2...2`).
public struct SurfacePlot: Hashable, Sendable, Codable {
    public var function: Expr
    public var axes: [PlotAxis]

    public init(function: Expr, axes: [PlotAxis]) {
        self.function = function
        self.axes = axes
    }
}

/// `w in -1..5`, `W[0,1] in -2..2`: a param, or one entry of it, and the
/// interval it sweeps.
public struct PlotAxis: Hashable, Sendable, Codable {
    public var parameter: Identifier
    /// The entry's indices from 0 (`[row, column]`, or `[i]` of a vector);
    /// empty for the whole of a scalar param.
    public var entry: [Int]
    public var lower: Expr
    public var upper: Expr

    public init(parameter: Identifier, entry: [Int] = [], lower: Expr, upper: Expr) {
        self.parameter = parameter
        self.entry = entry
        self.lower = lower
        self.upper = upper
    }

    /// `w`, `W[0,1]`: how figures and messages name the axis.
    public var label: String { Self.label(parameter.name, entry: entry) }

    public static func label(_ name: String, entry: [Int]) -> String {
        entry.isEmpty ? name : name + "[" + entry.map(String.init).joined(separator: ",") + "]"
    }
}
