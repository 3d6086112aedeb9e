import Autodiff
import Chapter
import Foundation
import Learning
import Notation

/// Runs statements, one at a time, in one chapter's environment.
final class Interpreter {
    let environment = Environment()
    let file: String
    let chapterDirectory: String
    let bookRoot: String
    let progress: (@Sendable (ProgressEvent) -> Void)?
    /// The display math nearest above the running block: what `check formula` checks.
    var displayMathAbove: DisplayMath?
    /// Every data file the chapter read, for the cache's key.
    var dataFilesRead: DataFilesRead
    var dataFiles: [String] { dataFilesRead.paths }
    var dataFileHashes: [String: String] { dataFilesRead.hashes }
    /// Takes on data files read by blocks whose results came from the cache,
    /// with the hashes they were read with.
    func adoptDataFiles(_ files: [String], hashes: [String: String]) {
        dataFilesRead.adopt(files, hashes: hashes)
    }
    /// Symbols defined by the chapter's formulas so far (`δ^{(l)} = …`).
    var formulaDefinitions: [FormulaContext.SymbolKey: FormulaContext.Definition] = [:]
    /// What the chapter's `notation` statements have set for its formula checks.
    var formulaNotation = FormulaNotation()

    init(
        file: String, chapterDirectory: String, bookRoot: String,
        progress: (@Sendable (ProgressEvent) -> Void)?, hashFile: ((String) -> String?)? = nil
    ) {
        self.file = file
        dataFilesRead = DataFilesRead(hashFile: hashFile)
        self.chapterDirectory = chapterDirectory
        self.bookRoot = bookRoot
        self.progress = progress
    }

    /// Hands each statement to the function that runs its kind: definitions
    /// change the environment and find nothing, the rest return what they found.
    func execute(_ statement: Statement) throws -> [Finding] {
        let location = statement.location
        switch statement.kind {
        case let .seed(value):
            environment.generator = RandomGenerator(seed: UInt64(bitPattern: Int64(value)))
        case let .let(name, expression):
            try defineLet(name, expression)
        case let .param(name, expression):
            try defineParameter(name, expression)
        case let .data(names, expression):
            try loadData(names, expression)
        case let .model(name, layers):
            try defineModel(name, layers)
        case let .loss(name, expression):
            try defineLoss(name, expression)
        case let .optimizer(expression):
            try defineOptimizer(expression)
        case let .notation(setting):
            formulaNotation.apply(setting)
        case .erratum, .correction, .endErratum:
            break  // they group checks; `Errata` reads the groups from the results
        case let .train(schedule):
            return [.training(try train(schedule, at: location))]
        case let .step(count):
            try steps(count, at: location)
        case let .checkGradients(output, targets):
            return [.check(try checkGradients(of: output, wrt: targets, statement: statement))]
        case let .checkFormula(check):
            return [.check(try checkFormula(check, statement: statement))]
        case let .expect(expectation):
            return [.check(try expect(expectation, statement: statement))]
        case let .show(expressions):
            return try show(expressions)
        case .plotLoss:
            return [.lossPlot(try lossPlot(at: location))]
        case let .plotSurface(plot):
            return [.surfacePlot(try surface(plot, at: location))]
        case let .plotLine(plot):
            return [.linePlot(try linePlot(plot, at: location))]
        case let .plotScatter(plot):
            return [.scatterPlot(try scatterPlot(plot, at: location))]
        case let .plotHistogram(plot):
            return [.histogram(try histogram(plot, at: location))]
        case let .plotBars(plot):
            return [.barPlot(try bars(plot, at: location))]
        }
        return []
    }

    /// Evaluates a statement's expression and keeps the layer values it computed.
    func evaluateOnce(_ expression: Expr) throws -> Variable {
        let evaluation = Evaluation(environment)
        let value = try evaluation.evaluate(expression)
        evaluation.recordLayerValues()
        return value
    }

    /// `show a, b`: each value as it is now, in one evaluation.
    private func show(_ expressions: [Expr]) throws -> [Finding] {
        let evaluation = Evaluation(environment)
        let shows = try expressions.map { e in
            Finding.show(
                ShowResult(
                    line: e.location.line, name: "\(e)", value: try evaluation.evaluate(e).value,
                    isBoolean: Booleans.isBoolean(e, in: environment)))
        }
        evaluation.recordLayerValues()
        return shows
    }

    /// `plot loss`: the trainings since the last such plot, or else the last training.
    private func lossPlot(at location: SourceLocation) throws -> LossPlot {
        guard !environment.unplottedTrainings.isEmpty || environment.lastTraining != nil else {
            throw RuntimeError("plot loss needs a train statement before it", at: location)
        }
        let runs = environment.unplottedTrainings.isEmpty ? [environment.lastTraining!] : environment.unplottedTrainings
        environment.unplottedTrainings = []
        return LossPlot(
            line: location.line, title: "Loss",
            series: runs.map { LossSeries(optimizer: $0.optimizer, line: $0.line, log: $0.log, loss: $0.loss) })
    }
}
