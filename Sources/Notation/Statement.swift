/// One line (or bracketed run of lines) of a ```tutor block, parsed.
public struct Statement: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        /// `seed 42`
        case seed(Int)
        /// `let x = EXPR`
        case `let`(Identifier, Expr)
        /// `param W = EXPR`
        case param(Identifier, Expr)
        /// `data x, y = fashion_mnist(limit: 100)`: one name per value the data set yields.
        case data([Identifier], Expr)
        /// `model net = dense(10, 5, relu) >> dense(5, 1)`: every layer is a `.call`.
        case model(Identifier, layers: [Expr])
        /// `loss L = EXPR`
        case loss(Identifier, Expr)
        /// `optimizer adam(0.01)`: always a `.call`.
        case optimizer(Expr)
        /// `train 5 epochs, batch 32, log every 1`
        case train(TrainingSchedule)
        /// `step` (1) or `step 10`
        case step(Int)
        /// `check gradients`, `check gradients of L wrt W, b`: nil / empty means
        /// the current loss / every param.
        case checkGradients(of: Identifier?, wrt: [Identifier])
        /// `check formula where \eta = lr for example 3 within 1e-4 expect fail`
        case checkFormula(FormulaCheck)
        /// `expect L < 0.05`, `expect w ≈ 2 ± 0.01`
        case expect(Expectation)
        /// `show W, b, L`
        case show([Expr])
        /// `plot loss`
        case plotLoss
        /// `plot surface L over w in -1..5, b in -1..6`
        case plotSurface(SurfacePlot)
        /// `plot line v`, `plot line acc over epochs`
        case plotLine(LinePlot)
        /// `plot scatter x, y with boundary net(x)`
        case plotScatter(ScatterPlot)
        /// `plot histogram net.1.W, bins 30`
        case plotHistogram(HistogramPlot)
        /// `plot bars p`: a bar for each entry of a vector
        case plotBars(BarPlot)
        /// `erratum "the claim"`: opens an erratum; the checks after it are its
        /// evidence, up to `correction`, `end erratum`, the next erratum or heading.
        case erratum(claim: String)
        /// `correction`: the checks after it, in the open erratum, are its correction.
        case correction
        /// `end erratum`: closes the open erratum.
        case endErratum
        /// `notation d2l`, `notation explicit definitions`: how later formulas are read.
        case notation(NotationSetting)
    }

    public var kind: Kind
    /// The statement's first token.
    public var location: SourceLocation
    /// The statement as written, comment removed, for reports (`source` in report.json).
    public var source: String

    public init(_ kind: Kind, at location: SourceLocation, source: String) {
        self.kind = kind
        self.location = location
        self.source = source
    }
}
