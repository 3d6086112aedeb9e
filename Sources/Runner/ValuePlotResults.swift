/// Lines of values: a vector against its entries' index, or values recorded
/// over the epochs of a training.
public struct LinePlotResult: Sendable, Codable {
    public var line: Int
    /// Whether the x axis counts the epochs of a training (values it recorded)
    /// rather than a vector's entries.
    public var overEpochs: Bool
    public var series: [Series]

    public struct Series: Sendable, Codable, Equatable {
        /// The expression as written.
        public var label: String
        public var xs: [Double]
        public var ys: [Double]
    }
}

/// The rows of two feature columns as points, coloured by their label, with
/// the 0.5 contour of a model's output over the plotted range.
public struct ScatterPlotResult: Sendable, Codable {
    public var line: Int
    /// The features and the labels as written.
    public var features: String
    public var labels: String?
    public var points: [Point]
    /// The distinct labels in increasing order (empty without labels); a
    /// point's `label` indexes this list.
    public var classes: [Double]
    /// The plotted range, which the boundary's grid covers.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var boundary: Boundary?

    public struct Point: Sendable, Codable, Equatable {
        public var x: Double
        public var y: Double
        /// The index of the point's label in `classes` (0 without labels).
        public var label: Int
    }

    /// The boundary's function sampled on a grid: `values[j][i]` at (xs[i], ys[j]).
    public struct Boundary: Sendable, Codable {
        public var function: String
        public var level: Double
        public var xs: [Double]
        public var ys: [Double]
        public var values: [[Double]]
    }
}

/// A vector's entries as bars, against their index from 0.
public struct BarPlotResult: Sendable, Codable {
    public var line: Int
    /// The value as written.
    public var value: String
    /// The finite entries with their index; entries that are NaN or infinite have no bar.
    public var indices: [Int]
    public var values: [Double]
    /// How many entries the vector has, bars or not.
    public var count: Int
}

/// How a value's entries are distributed, counted in equal bins.
public struct HistogramResult: Sendable, Codable {
    public var line: Int
    /// The value as written.
    public var value: String
    /// The bins cover lower…upper in equal widths; the last one includes upper.
    public var lower: Double
    public var upper: Double
    public var counts: [Int]
    /// Entries that are NaN or infinite, left out of the bins.
    public var leftOut: Int
}
