/// `plot line v, w` / `plot line acc over epochs`: lines of values, against
/// their entries' index or over the epochs of the last training.
public struct LinePlot: Hashable, Sendable, Codable {
    public var values: [Expr]
    /// `over epochs`: the values recorded by the last `train … record`.
    public var overEpochs: Bool

    public init(values: [Expr], overEpochs: Bool = false) {
        self.values = values
        self.overEpochs = overEpochs
    }
}

/// `plot scatter x, y with boundary net(x)`: the rows of `features` (two
/// columns) as points, coloured by `labels`, with the 0.5 contour of
/// `boundary` evaluated over the plotted range.
public struct ScatterPlot: Hashable, Sendable, Codable {
    public var features: Expr
    public var labels: Expr?
    public var boundary: Expr?

    public init(features: Expr, labels: Expr? = nil, boundary: Expr? = nil) {
        self.features = features
        self.labels = labels
        self.boundary = boundary
    }
}

/// `plot bars softmax(z)`: one bar for each entry of a vector, against its index.
public struct BarPlot: Hashable, Sendable, Codable {
    public var value: Expr

    public init(value: Expr) {
        self.value = value
    }
}

/// `plot histogram net.1.W, bins 30`: how a value's entries are distributed.
public struct HistogramPlot: Hashable, Sendable, Codable {
    public var value: Expr
    /// nil lets the runner choose.
    public var bins: Int?

    public init(value: Expr, bins: Int? = nil) {
        self.value = value
        self.bins = bins
    }
}
