import Autodiff
import Notation

/// Calls: functions of values, constructors, losses, `grad`, and models.
///
/// `call` only decides which kind of call a name makes; each kind reads its
/// arguments and computes in a function of its own.
extension Evaluation {
    func call(_ name: String, _ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        if let model = environment.models[name] {
            let args = try CallArguments(name, arguments, parameters: ["x"], required: 1, at: location)
            return try apply(model, to: evaluate(args["x"]!.value), at: location)
        }
        switch name {
        case "exp", "log", "sqrt", "abs", "sigmoid", "tanh", "relu", "round", "sign", "rows", "cols", "value":
            return try function(name, of: argument(name, arguments, "x", at: location))
        case "softmax", "log_softmax", "sum", "mean", "max", "min", "argmax":
            return try alongAxis(name, arguments, at: location)
        case "accuracy":
            return try accuracy(arguments, at: location)
        case "onehot":
            return try oneHot(arguments, at: location)
        case "randn", "rand", "zeros", "ones":
            return try filled(name, arguments, at: location)
        case "eye":
            return try identity(arguments, at: location)
        case "linspace":
            return try linspace(arguments, at: location)
        case "mse", "cross_entropy", "bce", "bce_with_logits":
            return try loss(name, arguments, at: location)
        case "grad":
            return try gradient(arguments, at: location)
        default:
            throw misuse(of: name, at: location)
        }
    }

    /// A function of one value.
    private func function(_ name: String, of x: Variable) -> Variable {
        if let function = ValueFunctions.elementwise[name] { return function(x) }
        switch name {
        case "sigmoid": return x.sigmoid()
        case "tanh": return x.tanh()
        case "relu": return x.relu()
        case "round": return x.rounded()
        case "sign": return x.sign()
        // A size, not a function of the entries: held fixed.
        case "rows": return Variable(Tensor(Double(x.value.rows)))
        case "cols": return Variable(Tensor(Double(x.value.cols)))
        // The value now, held fixed: `let L0 = value(L)` keeps the loss before training.
        default: return Variable(x.value)
        }
    }

    /// `softmax`, `log_softmax`, `argmax` (along rows unless told) and the reductions
    /// (over every entry unless told): a value and an optional axis.
    private func alongAxis(_ name: String, _ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments(name, arguments, parameters: ["x", "axis"], required: 1, at: location)
        let x = try evaluate(args["x"]!.value)
        let axis = try args["axis"].map { try integer($0.value, "axis") }
        switch name {
        case "softmax": return try located(at: location) { try x.softmax(axis: axis ?? 1) }
        case "log_softmax": return try located(at: location) { try x.logSoftmax(axis: axis ?? 1) }
        case "argmax":
            guard (axis ?? 1) == 1 else { throw RuntimeError("argmax is taken along rows: axis 1", at: location) }
            return Variable(x.value.argmaxRows())
        default: return try located(at: location) { try ValueFunctions.reductions[name]!(x, axis) }
        }
    }

    private func accuracy(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments(
            "accuracy", arguments, parameters: ["prediction", "label"], required: 2, at: location)
        let p = try evaluate(args["prediction"]!.value).value, t = try evaluate(args["label"]!.value).value
        do {
            return Variable(Tensor(try Accuracy.of(p, t)))
        } catch {
            throw RuntimeError("accuracy: \(error.message)", at: location)
        }
    }

    private func oneHot(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments("onehot", arguments, parameters: ["labels", "classes"], required: 2, at: location)
        let labels = try evaluate(args["labels"]!.value).value
        let classes = try integer(args["classes"]!.value, "the number of classes")
        return Variable(try located(at: location) { try Tensor.oneHot(labels, classes: classes) })
    }

    /// `randn`, `rand`, `zeros`, `ones`: a rows × cols matrix.
    private func filled(_ name: String, _ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments(name, arguments, parameters: ["rows", "cols"], required: 2, at: location)
        let rows = try integer(args["rows"]!.value, "rows"), cols = try integer(args["cols"]!.value, "cols")
        return Variable(
            try located(at: location) {
                switch name {
                case "randn": return try environment.generator.normal(rows, cols)
                case "rand": return try environment.generator.uniform(rows, cols)
                default: return Tensor(repeating: name == "ones" ? 1 : 0, shape: try Tensor.checkedShape(rows, cols))
                }
            })
    }

    private func identity(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments("eye", arguments, parameters: ["n"], required: 1, at: location)
        let n = try integer(args["n"]!.value, "n")
        var identity = Tensor.zeros(try located(at: location) { try Tensor.checkedShape(n, n) })
        for i in 0..<n { identity[i, i] = 1 }
        return Variable(identity)
    }

    private func linspace(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments(
            "linspace", arguments, parameters: ["start", "stop", "count"], required: 3,
            at: location)
        let a = try number(args["start"]!.value, "start"), b = try number(args["stop"]!.value, "stop")
        let n = try integer(args["count"]!.value, "count")
        let shape = try located(at: location) { try Tensor.checkedShape(n, 1) }
        let step = n > 1 ? (b - a) / Double(n - 1) : 0
        return Variable(Tensor(shape: shape, scalars: (0..<n).map { a + Double($0) * step }))
    }

    private func loss(_ name: String, _ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments(name, arguments, parameters: ["prediction", "target"], required: 2, at: location)
        let p = try evaluate(args["prediction"]!.value), t = try evaluate(args["target"]!.value)
        return try located(at: location) {
            switch name {
            case "mse": return try Loss.mse(p, t)
            case "cross_entropy": return try Loss.crossEntropy(p, t)
            case "bce": return try Loss.bce(p, t)
            default: return try Loss.bceWithLogits(p, t)
            }
        }
    }

    /// Why a name cannot be called here: it belongs in another statement, or names nothing.
    private func misuse(of name: String, at location: SourceLocation) -> RuntimeError {
        if name == "dense" {
            return RuntimeError(
                "dense(…) makes a layer: use it in a model (model net = dense(2, 3, relu) >> dense(3, 1))",
                at: location)
        }
        if Builtins.dataSets.contains(name) {
            return RuntimeError(
                "\(name)(…) loads data: use it in a data statement (data x, y = \(name)(…))", at: location)
        }
        if Builtins.optimizers.contains(name) {
            return RuntimeError("\(name)(…) is an optimizer: use it in an optimizer statement", at: location)
        }
        var message = "unknown function '\(name)'"
        let candidates = Builtins.callableNames + environment.models.keys.sorted()
        if let suggestion = nearestName(to: name, among: candidates) { message += "; did you mean '\(suggestion)'?" }
        return RuntimeError(message, at: location)
    }

    /// The single argument of a one-argument function.
    private func argument(
        _ function: String, _ arguments: [Argument], _ parameter: String,
        at location: SourceLocation
    ) throws -> Variable {
        let args = try CallArguments(function, arguments, parameters: [parameter], required: 1, at: location)
        return try evaluate(args[parameter]!.value)
    }

    /// `grad(L, W)`: the gradient of the scalar L with respect to the value W
    /// names, by autodiff, shaped like W. W may be a parameter or any value L
    /// was computed from (`z1`, `net.1.z`).
    private func gradient(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        let args = try CallArguments("grad", arguments, parameters: ["of", "wrt"], required: 2, at: location)
        guard case let .name(target) = args["wrt"]!.value.kind else {
            throw RuntimeError("grad(L, W) takes the name of a value as W", at: args["wrt"]!.location)
        }
        // A graph of its own in which constants are traced, so that W may be
        // any value L was computed from, constants included.
        let graph = tracing()
        let output = try graph.evaluate(args["of"]!.value)
        let node = try graph.variable(named: target, at: args["wrt"]!.location)
        let g = try located(at: location) { try gradients(of: output, withRespectTo: [node])[0] }
        return Variable(g)
    }

    /// A model applied to x: every layer's z and a are remembered under
    /// `net.l.z` and `net.l.a` (and may be replaced by overrides).
    func apply(_ model: Environment.Model, to x: Variable, at location: SourceLocation) throws -> Variable {
        if let earlier = applications[model.name]?.first(where: { $0.input === x }) { return earlier.output }
        var a = remember(model.activationName(0), x)
        for (index, layer) in model.network.layers.enumerated() {
            let l = index + 1
            let w = try variable(named: model.weightName(l), at: location)
            let b = try variable(named: model.biasName(l), at: location)
            let z = remember(
                model.preActivationName(l),
                try located(at: location) {
                    guard layer.accepts(a.shape) else {
                        throw RuntimeError(
                            "\(model.name) layer \(l) takes n×\(layer.inputs) (one example per row); got \(a.shape)",
                            at: location)
                    }
                    return try layer.preActivation(a, weight: w, bias: b)
                })
            a = remember(model.activationName(l), try located(at: location) { try layer.activation.apply(z) })
        }
        applications[model.name, default: []].append((x, a))
        return a
    }
}
