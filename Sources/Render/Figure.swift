import Runner

/// A figure a result calls for: a loss curve, a contour plot, a line, a scatter
/// plot, a histogram or bars, drawn inline in HTML and as a file beside the Markdown
/// page, named by the statement's line so the names stay put when other results
/// change.
struct Figure {
    enum Drawing {
        case loss([LossCurveSVG.Series], title: String)
        case contour(SurfacePlotResult, ContourSVG.Contours)
        case line(LinePlotResult)
        case scatter(ScatterPlotResult)
        case histogram(HistogramResult)
        case bars(BarPlotResult)
    }

    var fileName: String
    var caption: String
    var drawing: Drawing

    func svg(standalone: Bool) -> String {
        switch drawing {
        case let .loss(series, title): return LossCurveSVG.render(series, title: title, standalone: standalone)
        case let .contour(surface, contours):
            return ContourSVG.render(surface, contours: contours, standalone: standalone)
        case let .line(plot): return LineSVG.render(plot, standalone: standalone)
        case let .scatter(plot): return ScatterSVG.render(plot, standalone: standalone)
        case let .histogram(plot): return HistogramSVG.render(plot, standalone: standalone)
        case let .bars(plot): return BarSVG.render(plot, standalone: standalone)
        }
    }
}

/// Which results of a chapter get a figure.
///
/// Every `train` draws its loss curve (SPEC: `plot loss` is also drawn by
/// default after `train`), unless a `plot loss` of the chapter already draws it.
/// Contour lines are traced once, here, for whichever pages draw them.
struct ChapterFigures {
    private let plottedLogs: [[TrainingResult.Entry]]
    /// Keyed by the line of the `plot surface` statement.
    private let contours: [Int: ContourSVG.Contours]

    init(_ chapter: ChapterResult) {
        var logs: [[TrainingResult.Entry]] = []
        var contours: [Int: ContourSVG.Contours] = [:]
        for block in chapter.blocks {
            for statement in block.statements {
                for finding in statement.findings {
                    switch finding {
                    case let .lossPlot(plot): logs += plot.series.map(\.log)
                    case let .surfacePlot(surface): contours[surface.line] = ContourSVG.contours(surface)
                    case .check, .training, .show, .linePlot, .scatterPlot, .histogram, .barPlot: break
                    }
                }
            }
        }
        plottedLogs = logs
        self.contours = contours
    }

    func figure(for finding: Finding) -> Figure? {
        switch finding {
        case let .training(t):
            guard !t.log.isEmpty, !plottedLogs.contains(t.log) else { return nil }
            let name = t.optimizer.name
            return Figure(
                fileName: "line-\(t.line)-training.svg",
                caption: "Loss during training with \(name) (line \(t.line)).",
                drawing: .loss([(label: name, log: t.log, loss: t.loss)], title: "Loss"))
        case let .lossPlot(plot):
            let runs = plot.series.count == 1 ? "one run" : "\(plot.series.count) runs"
            return Figure(
                fileName: "line-\(plot.line)-loss.svg",
                caption: "\(plot.title) of \(runs) (line \(plot.line)).",
                drawing: .loss(
                    plot.series.map {
                        (label: OptimizerText.legend($0.optimizer, line: $0.line), log: $0.log, loss: $0.loss)
                    },
                    title: plot.title))
        case let .surfacePlot(surface):
            let path = surface.path.isEmpty ? "" : ", with the path of the last training"
            return Figure(
                fileName: "line-\(surface.line)-surface.svg",
                caption:
                    "Contours of \(surface.function) over \(surface.xName) and \(surface.yName)\(path) (line \(surface.line)).",
                drawing: .contour(surface, contours[surface.line] ?? ContourSVG.contours(surface)))
        case let .linePlot(plot):
            return Figure(
                fileName: "line-\(plot.line)-line.svg",
                caption: "\(plot.title) against \(plot.xLabel) (line \(plot.line)).", drawing: .line(plot))
        case let .scatterPlot(plot):
            let classes = plot.classes.isEmpty ? "" : ", coloured by label"
            return Figure(
                fileName: "line-\(plot.line)-scatter.svg",
                caption: "\(plot.points.count) points of \(plot.title)\(classes) (line \(plot.line)).",
                drawing: .scatter(plot))
        case let .histogram(plot):
            let total = plot.counts.reduce(0, +)
            let leftOut = plot.leftOut == 0 ? "" : "; \(plot.leftOut) not finite, left out"
            return Figure(
                fileName: "line-\(plot.line)-histogram.svg",
                caption: "\(plot.title): \(total) entries in \(plot.counts.count) bins\(leftOut) (line \(plot.line)).",
                drawing: .histogram(plot))
        case let .barPlot(plot):
            let leftOut = plot.count - plot.values.count
            let note = leftOut == 0 ? "" : "; \(leftOut) not finite, without a bar"
            return Figure(
                fileName: "line-\(plot.line)-bars.svg",
                caption: "\(plot.title): \(plot.count) entries against their index\(note) (line \(plot.line)).",
                drawing: .bars(plot))
        case .check, .show:
            return nil
        }
    }
}
