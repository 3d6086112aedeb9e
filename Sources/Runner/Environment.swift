import Autodiff
import Learning
import Notation

/// The state of one chapter as it runs: its names, parameters, model, loss,
/// optimizer and random generator. Each chapter gets a fresh one.
final class Environment {
    /// What a name stands for.
    enum Binding {
        /// Evaluated once, when defined; the expression is kept so that checks
        /// can trace it back to the values it was computed from.
        case constant(Tensor, Expr?)
        /// Re-evaluated whenever used, because it depends on parameters or data.
        case live(Expr)
        /// A trainable value: its current tensor is in `parameters`.
        case parameter
        /// Loaded by `data`; mini-batches replace it with a subset of its rows.
        case data(Tensor)
    }

    var generator = RandomGenerator(seed: 0)
    /// When the chapter must stop (uptime in nanoseconds), or nil for no limit.
    var deadline: UInt64?
    private(set) var bindings: [String: Binding] = [:]
    /// Names in the order they were first defined (for suggestions and reports).
    private(set) var names: [String] = []
    /// Current parameter values, by name. A change makes the definition values stale.
    var parameters: [String: Tensor] = [:] {
        didSet {
            definitionValues.removeAll()
            keptLoss = nil
        }
    }
    /// Live names that read only params, data, constants and such names (no model,
    /// no random numbers, no `grad`), with the value they had when defined and how
    /// deep that evaluation went. Until a param changes or a name is redefined the
    /// value is what evaluating the name again would give, so defining a chain of
    /// lets evaluates each link once (`Interpreter.checkLiveDefinition`).
    var definitionValues: [String: (value: Tensor, depth: Int)] = [:]
    /// The live names such values may be kept for, whatever the params: their
    /// expressions read only what `definitionValues` may hold. Redefining a name clears it.
    var repeatableLiveNames: Set<String> = []
    /// Parameter names in the order they were declared.
    private(set) var parameterOrder: [String] = []
    var models: [String: Model] = [:] { didSet { keptLoss = nil } }
    /// The model defined last: the one layer superscripts in formulas refer to.
    var lastModelName: String?
    /// A layer's z and a after the last call of its model (`net.1.z`, `net.1.a`).
    var recordedLayerValues: [String: Tensor] = [:] { didSet { keptLoss = nil } }
    var loss: (name: String, expression: Expr)? { didSet { keptLoss = nil } }
    /// The loss evaluated at the current state, while nothing it reads has
    /// changed since: every change to what an evaluation reads drops it.
    private(set) var keptLoss: KeptLossEvaluation?
    var optimizer: OptimizerState?
    /// Trainings since the last `plot loss`, for the next one.
    var unplottedTrainings: [TrainingResult] = []
    var lastTraining: TrainingResult?
    /// Names whose value is boolean (`let ok = p > 0.5`), which `show` prints
    /// as true and false: plain data, as the rest of the environment.
    private(set) var booleanNames: Set<String> = []

    /// A model and the names of its parameters.
    struct Model {
        var network: Network
        var name: String

        func weightName(_ layer: Int) -> String { "\(name).\(layer).W" }
        func biasName(_ layer: Int) -> String { "\(name).\(layer).b" }
        func preActivationName(_ layer: Int) -> String { "\(name).\(layer).z" }
        /// Layer 0's activation is the input of the last call (a⁽⁰⁾ = x).
        func activationName(_ layer: Int) -> String { "\(name).\(layer).a" }
    }

    /// The optimizer and the parameters it updates, fixed at its first step.
    struct OptimizerState {
        var optimizer: any Optimizer
        var parameterNames: [String]?
    }

    /// An independent copy: checks work on one, so that a check never changes
    /// the chapter's state (not even its random generator).
    func copy() -> Environment {
        let other = Environment()
        other.generator = generator
        other.deadline = deadline
        other.bindings = bindings
        other.names = names
        other.parameters = parameters
        other.parameterOrder = parameterOrder
        other.models = models
        other.lastModelName = lastModelName
        other.recordedLayerValues = recordedLayerValues
        other.loss = loss
        other.optimizer = optimizer
        other.unplottedTrainings = unplottedTrainings
        other.lastTraining = lastTraining
        other.booleanNames = booleanNames
        return other
    }

    func binding(_ name: String) -> Binding? { bindings[name] }

    /// Puts back names as a stored state had them (`StateSnapshot`).
    func restoreNames(_ bindings: [String: Binding], order names: [String], parameterOrder: [String]) {
        self.bindings = bindings
        self.names = names
        self.parameterOrder = parameterOrder
        keptLoss = nil
    }

    func bind(_ name: String, _ binding: Binding) {
        if bindings[name] == nil {
            names.append(name)
        } else {
            definitionValues.removeAll()
            repeatableLiveNames.removeAll()
        }
        bindings[name] = binding
        keptLoss = nil
        recordedLayerValues[name] = nil
        booleanNames.remove(name)
    }

    /// Keeps an evaluation of the loss just made at the current state, for the
    /// next evaluation of the loss to take (`KeptLossEvaluation`); a loss that
    /// draws random numbers is not kept, since evaluating it again draws others.
    func keep(_ evaluation: Evaluation, loss node: Variable) {
        guard let loss, !drawsRandomNumbers(loss.expression) else { return }
        keptLoss = evaluation.keeping(node, asLoss: loss.name)
    }

    /// Marks a name just bound as boolean; binding it again clears the mark.
    func markBoolean(_ name: String) { booleanNames.insert(name) }

    /// The names that print as booleans, as a cached state had them.
    func restoreBooleans(_ names: Set<String>) { booleanNames = names }

    func declareParameter(_ name: String, _ value: Tensor) {
        if parameters[name] == nil { parameterOrder.append(name) }
        parameters[name] = value
        bind(name, .parameter)
    }

    /// Every name an expression may refer to, for "did you mean" suggestions.
    var knownNames: [String] {
        names + models.keys.sorted() + recordedLayerValues.keys.sorted()
    }
}
