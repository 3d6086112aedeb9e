import Autodiff
import Chapter
import Notation

/// Everything running one chapter produced, block by block, ready to render.
public struct ChapterResult: Sendable, Codable {
    public var file: String
    public var title: String
    public var document: ChapterDocument
    /// One entry per block of `document`, in order (empty for prose and code).
    public var blocks: [BlockResult]
    /// Problems found while reading, parsing or running, in source order.
    public var diagnostics: [Diagnostic]
    /// The article's errors the chapter shows, in source order (`Errata`).
    public var errata: [ErratumResult] = []
    /// Wall time, for the terminal summary only: never rendered into pages.
    public var seconds: Double = 0
    /// The data files the chapter read (absolute paths), for the cache.
    public var dataFiles: [String] = []
    /// The hash of each data file's bytes when the chapter read it, for the cache.
    public var dataFileHashes: [String: String] = [:]
    /// The hash of the chapter's bytes that were run (nil when it could not be read).
    public var chapterHash: String?
    /// Whether the chapter was stopped by its time limit (such a result is not cached).
    public var timedOut = false
    /// Directive blocks run, and blocks whose results came from the block
    /// cache, in this run: for progress on the terminal, never rendered.
    public var blocksRun = 0
    public var blocksReused = 0
    /// The block cache's keys this chapter's run used (nil when it did not
    /// use the cache): what pruning keeps.
    public var cacheKeys: [String]?

    public init(
        file: String, title: String, document: ChapterDocument,
        blocks: [BlockResult], diagnostics: [Diagnostic]
    ) {
        self.file = file
        self.title = title
        self.document = document
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// Every check, in source order.
    public var checks: [CheckResult] {
        findings.compactMap { if case let .check(c) = $0 { return c } else { return nil } }
    }
    public var trainings: [TrainingResult] {
        findings.compactMap { if case let .training(t) = $0 { return t } else { return nil } }
    }
    public var shows: [ShowResult] {
        findings.compactMap { if case let .show(s) = $0 { return s } else { return nil } }
    }

    /// The figures of `plot line`, `scatter`, `histogram` and `bars`, in source order.
    public var valuePlots: [Finding] {
        findings.filter {
            switch $0 {
            case .linePlot, .scatterPlot, .histogram, .barPlot: return true
            default: return false
            }
        }
    }

    var findings: [Finding] { blocks.flatMap { $0.statements.flatMap(\.findings) } }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Whether the result fits its document, one block result per block, as
    /// renderers expect; a result read back from a file may not.
    public var isWhole: Bool {
        guard blocks.count == document.blocks.count else { return false }
        for (block, result) in zip(document.blocks, blocks) {
            if case .directive = block { continue }
            guard result.statements.isEmpty else { return false }
        }
        return true
    }

    /// What its counts say (`ChapterCounts.status`).
    public var status: ChapterStatus { counts.status }
}

public enum ChapterStatus: String, Sendable, Codable { case passed, failed, error }

/// The statements of one directive block and what each produced.
public struct BlockResult: Sendable, Codable {
    public var statements: [StatementResult]
    /// Syntax errors of the block (the block does not run when it has any).
    public var diagnostics: [Diagnostic]

    public init(statements: [StatementResult] = [], diagnostics: [Diagnostic] = []) {
        self.statements = statements
        self.diagnostics = diagnostics
    }
}

public struct StatementResult: Sendable, Codable {
    public enum State: Sendable, Codable {
        case ran
        /// The statement stopped with this error.
        case failed(Diagnostic)
        /// An earlier statement of the chapter failed.
        case notRun
    }

    public var statement: Statement
    public var state: State
    public var findings: [Finding]

    public init(statement: Statement, state: State, findings: [Finding] = []) {
        self.statement = statement
        self.state = state
        self.findings = findings
    }
}

/// A result worth showing beside the statement that produced it.
public enum Finding: Sendable, Codable {
    case check(CheckResult)
    case training(TrainingResult)
    case show(ShowResult)
    case lossPlot(LossPlot)
    case surfacePlot(SurfacePlotResult)
    case linePlot(LinePlotResult)
    case scatterPlot(ScatterPlotResult)
    case histogram(HistogramResult)
    case barPlot(BarPlotResult)
}

public enum CheckKind: String, Sendable, Codable { case formula, gradients, expect }
public enum CheckStatus: String, Sendable, Codable { case passed, failed, xfail, xpass, error }

/// One check: a gradient check, an expectation or a formula.
public struct CheckResult: Sendable, Codable {
    public var line: Int
    /// The column of the statement that made the check, for `file:line:column`.
    public var column = 1
    public var kind: CheckKind
    public var source: String
    public var status: CheckStatus
    public var maxAbsoluteError: Double?
    public var maxRelativeError: Double?
    /// The diagnostic of a check that could not be made (a formula that does not
    /// read); empty otherwise: Render writes every check's sentence from its data.
    public var message: String
    /// Per-value details (gradient checks: one row per parameter).
    public var rows: [CheckRow]
    /// For a formula check: each equation's result (per layer or param).
    public var equations: [EquationResult] = []
    /// What agreement meant for this check. A passing check's measured errors
    /// are rounding noise that changes with the BLAS kernel and the thread
    /// count, so pages show this bound instead of them.
    public var tolerance: Tolerance?
    /// For an `expect`: what it compared, which Render writes as its sentence.
    public var expectation: ExpectationOutcome?
    /// Where a check that could not be made went wrong (a formula that does not
    /// read), when that is not its statement's line.
    public var location: SourceLocation?
    /// For a formula check that could not be made: what was decided, which the
    /// message says in words.
    public var failure: FormulaFailure?
    /// For a formula check: where the display math it read starts, so that its
    /// verdict is drawn beside that formula and no other.
    public var formula: SourceLocation?

    public init(
        line: Int, kind: CheckKind, source: String, status: CheckStatus,
        maxAbsoluteError: Double? = nil, maxRelativeError: Double? = nil,
        message: String, rows: [CheckRow] = []
    ) {
        self.line = line
        self.kind = kind
        self.source = source
        self.status = status
        self.maxAbsoluteError = maxAbsoluteError
        self.maxRelativeError = maxRelativeError
        self.message = message
        self.rows = rows
    }
}

/// One line of a gradient check's evidence table: a value and what finite
/// differences found for it.
public struct CheckRow: Sendable, Codable {
    public var subject: String
    public var comparison: GradientCheckReport

    public var passed: Bool { comparison.passed }
    public var maxAbsoluteError: Double { comparison.maxAbsoluteError }
    public var maxRelativeError: Double { comparison.maxRelativeError }

    public init(subject: String, comparison: GradientCheckReport) {
        self.subject = subject
        self.comparison = comparison
    }
}

/// The record of one `train` (or `step`) statement.
public struct TrainingResult: Sendable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var epoch: Int
        public var loss: Double
    }

    public var line: Int
    public var optimizer: OptimizerSettings
    public var epochs: Int
    public var batchSize: Int?
    public var log: [Entry]
    /// The loss on the full data after the last step (NaN when it diverged).
    public var finalLoss: Double
    public var diverged: Bool
    /// The values of `record` at every logged epoch, one series per value,
    /// at the epochs of `log`.
    public var recorded: [RecordedSeries] = []
    /// The entries of small params before and after every step, for `plot
    /// surface` paths: by name for a param of one entry, `W[r,c]` for others.
    public var trajectories: [String: [Double]]
    /// The loss that was minimised (nil in results of older versions).
    public var loss: TrainedLoss? = nil
}

/// The loss a training minimised, as the chapter wrote it: `loss U = -L` is
/// named U with the expression `-L`, so a plot can say what it draws.
public struct TrainedLoss: Sendable, Equatable, Codable {
    public var name: String
    public var expression: String

    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }
}

/// A value recorded while training (`train …, record acc`).
public struct RecordedSeries: Sendable, Codable, Equatable {
    /// The expression as written.
    public var label: String
    public var epochs: [Int]
    public var values: [Double]
}

/// A value shown by `show`.
public struct ShowResult: Sendable, Codable {
    public var line: Int
    public var name: String
    public var value: Tensor
    /// Whether every entry is a truth value, 1 or 0 (`Booleans.isBoolean`):
    /// shown as true and false.
    public var isBoolean = false
}

/// One or several loss curves in one figure.
public struct LossPlot: Sendable, Codable {
    public var line: Int
    public var title: String
    public var series: [LossSeries]
}

/// One training's loss curve in a figure.
public struct LossSeries: Sendable, Codable {
    /// The optimizer with its options, as `TrainingResult.optimizer`.
    public var optimizer: OptimizerSettings
    /// The line of the `train` statement.
    public var line: Int
    public var log: [TrainingResult.Entry]
    /// The loss that was minimised, as `TrainingResult.loss`.
    public var loss: TrainedLoss? = nil
}

/// A loss over a grid of two scalar parameters, with the path training took.
public struct SurfacePlotResult: Sendable, Codable {
    public var line: Int
    public var function: String
    public var xName: String
    public var yName: String
    public var xs: [Double]
    public var ys: [Double]
    /// values[j][i] is the function at (xs[i], ys[j]).
    public var values: [[Double]]
    public var path: [PathPoint]

    /// One point of the path training took.
    public struct PathPoint: Sendable, Codable {
        public var x: Double
        public var y: Double
    }
}
