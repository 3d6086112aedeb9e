/// The optimizer a chapter's `optimizer` statement names, as in
/// `optimizer adam(lr: 0.01, beta1: 0.9)` or `optimizer sgd(0.1, momentum: 0.9)`.
///
/// The one positional argument is the learning rate. Named options are the
/// names in `hyperparameters` (`weight_decay`, `beta1`, …); switches
/// (`nesterov`, `centered`, `amsgrad`) take 0 or 1. Options left out keep
/// PyTorch's defaults; `momentum` has no default learning rate.
///
/// Errors name what is wrong without guessing what was meant: the chapter
/// runner, which keeps the list of optimizer names, adds "did you mean" suggestions.
public func makeOptimizer(
    name: String, arguments: [String: Double],
    positional: [Double]
) throws -> any Optimizer {
    guard let recipe = OptimizerRecipe(name) else {
        throw OptimizerError.unknownOptimizer(name: name, suggestion: nil, valid: [])
    }
    guard positional.count <= 1 else {
        throw OptimizerError.invalidArguments(
            optimizer: name, message: "takes one positional argument, the learning rate, got \(positional.count)")
    }
    var given = arguments
    if let lr = positional.first {
        guard given["lr"] == nil else {
            throw OptimizerError.invalidArguments(optimizer: name, message: "the learning rate is given twice")
        }
        given["lr"] = lr
    }
    let valid = recipe.defaults.map(\.name)
    for option in given.keys.sorted() where !valid.contains(option) {
        throw OptimizerError.unknownOption(optimizer: name, option: option, suggestion: nil, valid: valid)
    }
    for (option, value) in recipe.defaults where value == nil && given[option] == nil {
        throw OptimizerError.invalidArguments(optimizer: name, message: "needs \(option), as in \(name)(0.1)")
    }
    return try recipe.make(OptimizerOptions(optimizer: name, given: given, defaults: recipe.defaults))
}

/// How to build one optimizer from options: their names, defaults and the constructor.
private struct OptimizerRecipe {
    /// The options in order with their defaults; nil marks an option without one.
    let defaults: [(name: String, value: Double?)]
    let make: (OptimizerOptions) throws -> any Optimizer

    /// The defaults come from an optimizer built with its own defaults, so they are stated once.
    private init(
        _ prototype: any Optimizer, required: Set<String> = [],
        make: @escaping (OptimizerOptions) throws -> any Optimizer
    ) {
        defaults = prototype.hyperparameters.map { ($0.name, required.contains($0.name) ? nil : $0.value) }
        self.make = make
    }

    // The prototypes use their initialisers' defaults, which are valid.
    init?(_ name: String) {
        switch name {
        case "sgd":
            self.init(try! SGD()) { o in
                try SGD(
                    lr: o["lr"], momentum: o["momentum"], dampening: o["dampening"],
                    nesterov: o.flag("nesterov"), weightDecay: o["weight_decay"])
            }
        case "momentum":
            self.init(try! Momentum(lr: 0), required: ["lr"]) { o in
                try Momentum(lr: o["lr"], gamma: o["gamma"])
            }
        case "adagrad":
            self.init(try! Adagrad()) { o in
                try Adagrad(
                    lr: o["lr"], lrDecay: o["lr_decay"], weightDecay: o["weight_decay"],
                    initialAccumulatorValue: o["initial_accumulator_value"], eps: o["eps"])
            }
        case "rmsprop":
            self.init(try! RMSprop()) { o in
                try RMSprop(
                    lr: o["lr"], alpha: o["alpha"], eps: o["eps"], weightDecay: o["weight_decay"],
                    momentum: o["momentum"], centered: o.flag("centered"))
            }
        case "adadelta":
            self.init(try! Adadelta()) { o in
                try Adadelta(lr: o["lr"], rho: o["rho"], eps: o["eps"], weightDecay: o["weight_decay"])
            }
        case "adam":
            self.init(try! Adam()) { o in
                try Adam(
                    lr: o["lr"], beta1: o["beta1"], beta2: o["beta2"], eps: o["eps"],
                    weightDecay: o["weight_decay"], amsgrad: o.flag("amsgrad"))
            }
        case "adamw":
            self.init(try! AdamW()) { o in
                try AdamW(
                    lr: o["lr"], beta1: o["beta1"], beta2: o["beta2"], eps: o["eps"],
                    weightDecay: o["weight_decay"], amsgrad: o.flag("amsgrad"))
            }
        default:
            return nil
        }
    }
}

/// The options given in a chapter, falling back to the defaults.
private struct OptimizerOptions {
    let optimizer: String
    let given: [String: Double]
    let defaults: [(name: String, value: Double?)]

    /// An option known to the recipe and, when it has no default, checked to be given.
    subscript(_ option: String) -> Double {
        given[option] ?? defaults.first { $0.name == option }!.value!
    }

    /// A switch: 0 is false, 1 is true.
    func flag(_ option: String) throws -> Bool {
        switch self[option] {
        case 0: return false
        case 1: return true
        case let value:
            throw OptimizerError.invalidOption(
                optimizer: optimizer, option: option, value: value,
                requirement: "0 (off) or 1 (on)")
        }
    }
}
