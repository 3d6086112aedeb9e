import Notation

/// Letters that one source's notation gives a meaning of its own, looked up before
/// the common table (`hyperparameterAliases`, `pyTorchStateNames`). Which source a
/// formula follows is told by the letters it writes together, so that a formula
/// copied from PyTorch's documentation or from d2l reads as its source means it;
/// a declared notation (`check formula in d2l notation`) settles it instead.
extension FormulaEvaluator {
    /// Options. PyTorch's Adagrad box writes γ for the learning rate, η for its
    /// decay and τ for the initial accumulator (d2l's Adagrad writes η for the
    /// learning rate: η is the decay only beside a γ). d2l's RMSProp writes γ for the
    /// decay beside η, the learning rate; PyTorch's writes α for it. d2l's momentum is β.
    static func optionAliases(
        _ optimizer: String, symbolNames: Set<String>,
        convention: FormulaConvention?
    ) -> [String: [String]] {
        let d2l = convention == .d2l || (convention == nil && symbolNames.contains("η"))
        switch optimizer {
        case "adagrad":
            var aliases = ["τ": ["initial_accumulator_value"], "tau": ["initial_accumulator_value"]]
            if symbolNames.contains("γ") { aliases["η"] = ["lr_decay"]; aliases["eta"] = ["lr_decay"] }
            return aliases
        case "rmsprop" where d2l:
            return ["γ": ["alpha"], "gamma": ["alpha"]]
        case "sgd":
            return ["β": ["momentum"], "beta": ["momentum"]]
        default:
            return [:]
        }
    }

    /// Optimizer state. d2l names Adam's moments v and s (PyTorch's m and v): a
    /// formula that writes s beside v means d2l's. d2l's s is RMSProp's running
    /// average and Adagrad's sum; its momentum velocity v is SGD's momentum buffer.
    /// PyTorch's Adadelta box writes v for its square_avg and u for its acc_delta.
    static func stateAliases(
        _ optimizer: String, symbolNames: Set<String>,
        convention: FormulaConvention?
    ) -> [String: String] {
        switch optimizer {
        case "adam", "adamw":
            let d2l = convention == .d2l || (convention == nil && symbolNames.contains("s"))
            return d2l ? ["v": "m", "s": "v"] : [:]
        case "rmsprop":
            return ["s": "square_avg"]
        case "adagrad":
            return ["s": "sum"]
        case "adadelta":
            return ["v": "square_avg", "u": "acc_delta"]
        case "sgd":
            return ["v": "momentum_buffer"]
        default:
            return [:]
        }
    }
}
