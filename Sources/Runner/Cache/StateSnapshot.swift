import Foundation
import Learning
import Notation

/// Everything later statements can read of a chapter's state after a block:
/// names and their values (and which print as booleans), params, models, the
/// loss, the optimizer with its moments, the random generator, training logs and
/// the notation declared for formulas. Formula definitions are
/// kept apart (`definitions(of:)`), since only formula checks read them.
/// Restoring one gives the interpreter the very state it had, bit for bit,
/// so that the blocks after it compute what a cold run computes.
struct StateSnapshot: Codable {
    struct Name: Codable {
        enum Kind: String, Codable { case constant, live, parameter, data }
        var name: String
        var kind: Kind
        var tensor: StoredTensor?
        var expression: Expr?
    }

    struct NamedTensor: Codable {
        var name: String
        var tensor: StoredTensor
    }

    struct Model: Codable {
        var name: String
        var network: Network
    }

    struct Loss: Codable {
        var name: String
        var expression: Expr
    }

    struct Definition: Codable {
        var key: FormulaContext.SymbolKey
        var definition: FormulaContext.Definition
    }

    var generator: RandomGenerator
    var names: [Name]
    var parameters: [NamedTensor]
    var parameterOrder: [String]
    var models: [Model]
    var lastModelName: String?
    var recordedLayerValues: [NamedTensor]
    var loss: Loss?
    var optimizer: StoredOptimizer?
    var optimizerParameters: [String]?
    var unplottedTrainings: [TrainingResult]
    var lastTraining: TrainingResult?
    /// The names whose values print as true and false.
    var booleanNames: [String]
    /// What the chapter's `notation` statements have set for formula checks.
    var formulaNotation: FormulaNotation

    /// The interpreter's state now; nil when part of it cannot be stored (an
    /// optimizer this format does not know), so the block is not snapshotted.
    init?(_ interpreter: Interpreter, tensors: TensorStore) throws {
        let environment = interpreter.environment
        generator = environment.generator
        names = try environment.names.map { name in
            switch environment.binding(name)! {
            case let .constant(value, expression):
                return Name(name: name, kind: .constant, tensor: try tensors.store(value), expression: expression)
            case let .live(expression):
                return Name(name: name, kind: .live, expression: expression)
            case .parameter:
                return Name(name: name, kind: .parameter)
            case let .data(value):
                return Name(name: name, kind: .data, tensor: try tensors.store(value))
            }
        }
        parameters = try environment.parameters.keys.sorted().map {
            NamedTensor(name: $0, tensor: try tensors.store(environment.parameters[$0]!))
        }
        parameterOrder = environment.parameterOrder
        models = environment.models.keys.sorted().map { Model(name: $0, network: environment.models[$0]!.network) }
        lastModelName = environment.lastModelName
        recordedLayerValues = try environment.recordedLayerValues.keys.sorted().map {
            NamedTensor(name: $0, tensor: try tensors.store(environment.recordedLayerValues[$0]!))
        }
        loss = environment.loss.map { Loss(name: $0.name, expression: $0.expression) }
        if let state = environment.optimizer {
            guard let stored = StoredOptimizer(state.optimizer) else { return nil }
            optimizer = stored
            optimizerParameters = state.parameterNames
        }
        unplottedTrainings = environment.unplottedTrainings
        lastTraining = environment.lastTraining
        booleanNames = environment.booleanNames.sorted()
        formulaNotation = interpreter.formulaNotation
    }

    static func definitions(of interpreter: Interpreter) -> [Definition] {
        interpreter.formulaDefinitions.map { Definition(key: $0.key, definition: $0.value) }
            .sorted { "\($0.key)" < "\($1.key)" }
    }

    /// Gives `interpreter` this state. Its deadline stays the current run's;
    /// the data files read so far it has from the blocks' entries, its
    /// formula definitions from their own file.
    func restore(into interpreter: Interpreter, tensors: TensorStore) throws {
        let environment = interpreter.environment
        var bindings: [String: Environment.Binding] = [:]
        for entry in names {
            switch entry.kind {
            case .constant: bindings[entry.name] = .constant(try tensors.load(entry.tensor), entry.expression)
            case .live:
                guard let expression = entry.expression else { throw CacheDamage("a live name without its expression") }
                bindings[entry.name] = .live(expression)
            case .parameter: bindings[entry.name] = .parameter
            case .data: bindings[entry.name] = .data(try tensors.load(entry.tensor))
            }
        }
        environment.restoreNames(bindings, order: names.map(\.name), parameterOrder: parameterOrder)
        environment.generator = generator
        environment.parameters = try Dictionary(
            parameters.map { ($0.name, try tensors.load($0.tensor)) }, uniquingKeysWith: { a, _ in a })
        environment.models = Dictionary(
            models.map { ($0.name, Environment.Model(network: $0.network, name: $0.name)) },
            uniquingKeysWith: { a, _ in a })
        environment.lastModelName = lastModelName
        environment.recordedLayerValues = try Dictionary(
            recordedLayerValues.map { ($0.name, try tensors.load($0.tensor)) },
            uniquingKeysWith: { a, _ in a })
        environment.loss = loss.map { ($0.name, $0.expression) }
        environment.optimizer = optimizer.map {
            Environment.OptimizerState(optimizer: $0.optimizer, parameterNames: optimizerParameters)
        }
        environment.unplottedTrainings = unplottedTrainings
        environment.lastTraining = lastTraining
        environment.restoreBooleans(Set(booleanNames))
        interpreter.formulaNotation = formulaNotation
    }
}

/// An optimizer as stored: by its kind, with all of its state.
enum StoredOptimizer: Codable {
    case sgd(SGD)
    case momentum(Momentum)
    case adagrad(Adagrad)
    case rmsprop(RMSprop)
    case adadelta(Adadelta)
    case adam(Adam)
    case adamw(AdamW)

    init?(_ optimizer: any Optimizer) {
        switch optimizer {
        case let o as SGD: self = .sgd(o)
        case let o as Momentum: self = .momentum(o)
        case let o as Adagrad: self = .adagrad(o)
        case let o as RMSprop: self = .rmsprop(o)
        case let o as Adadelta: self = .adadelta(o)
        case let o as Adam: self = .adam(o)
        case let o as AdamW: self = .adamw(o)
        default: return nil
        }
    }

    var optimizer: any Optimizer {
        switch self {
        case let .sgd(o): return o
        case let .momentum(o): return o
        case let .adagrad(o): return o
        case let .rmsprop(o): return o
        case let .adadelta(o): return o
        case let .adam(o): return o
        case let .adamw(o): return o
        }
    }
}
