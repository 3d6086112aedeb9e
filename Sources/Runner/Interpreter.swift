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
    var dataFiles: [String] = [] {
        didSet {
            for path in dataFiles where hashesDataFiles && dataFileHashes[path] == nil {
                dataFileHashes[path] = ChapterCache.hash(ofFile: path) ?? ""
            }
        }
    }
    /// The hash of each data file, taken when it is read: an edit saved while
    /// the chapter runs does not give the old result the new bytes' key.
    private(set) var dataFileHashes: [String: String] = [:]
    /// Whether a cache will key results by those hashes; reading a 26 MB data
    /// file again only to hash it is wasted otherwise.
    let hashesDataFiles: Bool
    /// Takes on data files read by blocks whose results came from the cache,
    /// with the hashes they were read with.
    func adoptDataFiles(_ files: [String], hashes: [String: String]) {
        for path in files where dataFileHashes[path] == nil { dataFileHashes[path] = hashes[path] ?? "" }
        dataFiles += files
    }
    /// Symbols defined by the chapter's formulas so far (`δ^{(l)} = …`).
    var formulaDefinitions: [FormulaContext.SymbolKey: FormulaContext.Definition] = [:]
    /// What the chapter's `notation` statements have set for its formula checks.
    var formulaNotation = FormulaNotation()

    init(file: String, chapterDirectory: String, bookRoot: String,
         progress: (@Sendable (ProgressEvent) -> Void)?, hashesDataFiles: Bool = true) {
        self.file = file
        self.hashesDataFiles = hashesDataFiles
        self.chapterDirectory = chapterDirectory
        self.bookRoot = bookRoot
        self.progress = progress
    }

    func execute(_ statement: Statement) throws -> [Finding] {
        let location = statement.location
        switch statement.kind {
        case let .seed(value):
            environment.generator = RandomGenerator(seed: UInt64(bitPattern: Int64(value)))
            return []
        case let .let(name, expression):
            try checkRedefinition(name)
            let isBoolean = Booleans.isBoolean(expression, in: environment)
            if environment.isLive(expression) {
                let definition = try checkLiveDefinition(expression)  // a mistake shows here, not at first use
                environment.bind(name.name, .live(expression))
                if let definition {
                    environment.definitionValues[name.name] = definition
                    environment.repeatableLiveNames.insert(name.name)
                }
            } else {
                environment.bind(name.name, .constant(try evaluateOnce(expression).value, expression))
            }
            if isBoolean { environment.markBoolean(name.name) }
            return []
        case let .param(name, expression):
            try checkRedefinition(name)
            environment.declareParameter(name.name, try evaluateOnce(expression).value)
            return []
        case let .data(names, expression):
            try loadData(names, expression)
            return []
        case let .model(name, layers):
            try defineModel(name, layers)
            return []
        case let .loss(name, expression):
            try checkRedefinition(name)
            let value = try evaluateOnce(expression)
            guard value.value.count == 1 else {
                throw RuntimeError("a loss must be a single number; this one has shape \(value.shape)",
                                   at: expression.location)
            }
            environment.bind(name.name, .live(expression))
            environment.loss = (name.name, expression)
            return []
        case let .optimizer(expression):
            try defineOptimizer(expression)
            return []
        case let .train(schedule):
            return [.training(try train(schedule, at: location))]
        case let .step(count):
            try steps(count, at: location)
            return []
        case let .checkGradients(output, targets):
            return [.check(try checkGradients(of: output, wrt: targets, statement: statement))]
        case let .checkFormula(check):
            return [.check(try checkFormula(check, statement: statement))]
        case let .expect(expectation):
            return [.check(try expect(expectation, statement: statement))]
        case let .show(expressions):
            let evaluation = Evaluation(environment)
            let shows = try expressions.map { e in
                Finding.show(ShowResult(line: e.location.line, name: "\(e)", value: try evaluation.evaluate(e).value,
                                        isBoolean: Booleans.isBoolean(e, in: environment)))
            }
            evaluation.recordLayerValues()
            return shows
        case .plotLoss:
            guard !environment.unplottedTrainings.isEmpty || environment.lastTraining != nil else {
                throw RuntimeError("plot loss needs a train statement before it", at: location)
            }
            let runs = environment.unplottedTrainings.isEmpty ? [environment.lastTraining!] : environment.unplottedTrainings
            environment.unplottedTrainings = []
            return [.lossPlot(LossPlot(line: location.line, title: "Loss",
                                       series: runs.map { LossSeries(optimizer: $0.optimizer, line: $0.line, log: $0.log, loss: $0.loss) }))]
        case let .plotSurface(plot):
            return [.surfacePlot(try surface(plot, at: location))]
        case let .plotLine(plot):
            return [.linePlot(try linePlot(plot, at: location))]
        case let .plotScatter(plot):
            return [.scatterPlot(try scatterPlot(plot, at: location))]
        case let .plotHistogram(plot):
            return [.histogram(try histogram(plot, at: location))]
        case .erratum, .correction, .endErratum:
            return []  // they group checks; `Errata` reads the groups from the results
        case let .notation(setting):
            formulaNotation.apply(setting)
            return []
        }
    }

    /// Evaluates a statement's expression and keeps the layer values it computed.
    func evaluateOnce(_ expression: Expr) throws -> Variable {
        let evaluation = Evaluation(environment)
        let value = try evaluation.evaluate(expression)
        evaluation.recordLayerValues()
        return value
    }

    /// Models own their parameter names, and `true` and `false` are the two
    /// booleans; anything else may be redefined.
    private func checkRedefinition(_ name: Identifier) throws {
        if environment.models[name.name] != nil {
            throw RuntimeError("'\(name.name)' is a model; choose another name", at: name.location)
        }
        if Booleans.constants[name.name] != nil {
            throw RuntimeError("'\(name.name)' is a boolean (1 or 0); choose another name", at: name.location)
        }
    }
}
