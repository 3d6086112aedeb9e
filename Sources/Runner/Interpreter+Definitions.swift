import Autodiff
import Foundation
import Learning
import Notation

/// `data`, `model` and `optimizer` statements.
extension Interpreter {
    func loadData(_ names: [Identifier], _ expression: Expr) throws {
        guard case let .call(function, arguments) = expression.kind, isDataSetCall(function) else {
            // Any other value becomes a data set: one example per row, sliced by mini-batches.
            guard names.count == 1 else {
                throw RuntimeError(
                    "a value made in the chapter is one data set: data x = randn(64, 2)", at: names[1].location)
            }
            let value = try evaluateOnce(expression).value
            guard !value.shape.isScalar else {
                throw RuntimeError("a data set is a matrix with one example per row", at: expression.location)
            }
            environment.bind(names[0].name, .data(value))
            return
        }
        let location = expression.location
        let evaluation = Evaluation(environment)
        var values: [Tensor]
        switch function {
        case "fashion_mnist":
            let args = try CallArguments(function, arguments, parameters: ["split", "limit"], at: location)
            let split = try args["split"].map { try string($0) } ?? "train"
            let limit = try args["limit"].map { try evaluation.integer($0.value, "limit") }
            let files = try located(at: location) { try FashionMNIST.files(split: split) }
            dataFilesRead.record([files.images, files.labels])
            let data = try located(at: location) {
                try IDXReader.load(images: files.images, labels: files.labels, limit: limit)
            }
            values = [data.images, data.labels]
        case "idx":
            let args = try CallArguments(
                function, arguments, parameters: ["images", "labels", "limit"], required: 2,
                at: location)
            let images = try path(args["images"]!), labels = try path(args["labels"]!)
            let limit = try args["limit"].map { try evaluation.integer($0.value, "limit") }
            dataFilesRead.record([images, labels])
            let data = try locatedInBook(at: location) {
                try IDXReader.load(images: images, labels: labels, limit: limit)
            }
            values = [data.images, data.labels]
        case "csv":
            let args = try CallArguments(
                function, arguments, parameters: ["file", "header"], required: 1, at: location)
            let file = try path(args["file"]!)
            let header = try args["header"].map { try flag($0) } ?? false
            dataFilesRead.record([file])
            let table = try locatedInBook(at: location) { try CSVReader.read(file, header: header, finiteOnly: true) }
                .values
            // Two names split off the last column as the target.
            values =
                names.count == 2 && table.cols >= 2
                ? [columns(table, 0..<(table.cols - 1)), columns(table, (table.cols - 1)..<table.cols)]
                : [table]
        default:
            var message = "unknown data set '\(function)'"
            if let suggestion = nearestName(to: function, among: Builtins.dataSets) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw RuntimeError(message + " (fashion_mnist, idx, csv)", at: location)
        }
        guard names.count == values.count else {
            let what = values.count == 2 ? "two values (inputs and labels)" : "one value"
            throw RuntimeError(
                "\(function)(…) gives \(what); name \(values.count == 2 ? "two" : "one"): "
                    + "data \(values.count == 2 ? "x, y" : "x") = \(function)(…)", at: names[0].location)
        }
        // Every loader yields finite values only: CSV refuses others as it reads,
        // and IDX images and labels are unsigned bytes (type 0x08, the one type read).
        for (name, value) in zip(names, values) { environment.bind(name.name, .data(value)) }
    }

    /// A data set's loader, or a misspelling of one (which gets a suggestion),
    /// rather than some other function whose value becomes the data.
    private func isDataSetCall(_ function: String) -> Bool {
        if Builtins.dataSets.contains(function) { return true }
        let known = Builtins.callableNames.contains(function) || environment.models[function] != nil
        return !known && nearestName(to: function, among: Builtins.dataSets) != nil
    }

    private func columns(_ table: Tensor, _ range: Range<Int>) -> Tensor {
        var out: [Double] = []
        for r in 0..<table.rows { out.append(contentsOf: (range).map { table[r, $0] }) }
        return Tensor(shape: .matrix(table.rows, range.count), scalars: out)
    }

    func string(_ argument: Argument) throws -> String {
        guard case let .string(text) = argument.value.kind else {
            throw RuntimeError("expected a string in quotes", at: argument.value.location)
        }
        return text
    }

    /// A file argument, resolved against the chapter's folder and kept inside the book.
    private func path(_ argument: Argument) throws -> String {
        let relative = try string(argument)
        return try locatedInBook(at: argument.value.location) {
            try BookPath.resolve(relative, chapterDirectory: chapterDirectory, bookRoot: bookRoot)
        }
    }

    /// `located`, with a data file's error naming the file as pages name
    /// chapters (`mybook/data.csv`), not by where the book lies on the machine.
    private func locatedInBook<T>(at location: SourceLocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataError {
            let root = URL(fileURLWithPath: bookRoot).standardizedFileURL.path
            let name = (root as NSString).lastPathComponent
            let message = "\(error)".replacingOccurrences(of: root + "/", with: name + "/")
                .replacingOccurrences(of: root, with: name)
            throw RuntimeError(message, at: location)
        }
    }

    /// `true`/`false` (or 1/0).
    func flag(_ argument: Argument) throws -> Bool {
        switch argument.value.kind {
        case .name("true"): return true
        case .name("false"): return false
        case .number(1): return true
        case .number(0): return false
        default: throw RuntimeError("expected true or false", at: argument.value.location)
        }
    }

    func defineModel(_ name: Identifier, _ layers: [Expr]) throws {
        if environment.binding(name.name) != nil {
            throw RuntimeError("'\(name.name)' is already defined; a model needs a name of its own", at: name.location)
        }
        if environment.models[name.name] != nil {
            throw RuntimeError(
                "model '\(name.name)' is already defined; a model is defined once, so give this one "
                    + "another name", at: name.location)
        }
        var dense: [Dense] = []
        var initializers: [(Dense.Initializer, Dense.Initializer)] = []
        let evaluation = Evaluation(environment)
        for layer in layers {
            guard case let .call("dense", arguments) = layer.kind else {
                throw RuntimeError(
                    "a model is a stack of dense(in, out, activation) layers joined by >>", at: layer.location)
            }
            let args = try CallArguments(
                "dense", arguments,
                parameters: ["inputs", "outputs", "activation", "weight", "std", "bias"],
                required: 2, at: layer.location)
            let inputs = try evaluation.integer(args["inputs"]!.value, "inputs")
            let outputs = try evaluation.integer(args["outputs"]!.value, "outputs")
            var activation = Activation.identity
            if let a = args["activation"] {
                let text: String
                switch a.value.kind {
                case let .name(n), let .string(n): text = n
                default:
                    throw RuntimeError(
                        "an activation is a name: relu, sigmoid, tanh, softmax or linear", at: a.location)
                }
                guard let parsed = Activation(name: text) else {
                    let hint =
                        nearestName(to: text, among: Builtins.activations).map { "; did you mean '\($0)'?" } ?? ""
                    throw RuntimeError("unknown activation '\(text)'\(hint)", at: a.location)
                }
                activation = parsed
            }
            let std = try args["std"].map { try evaluation.number($0.value, "std") } ?? 1
            let weight = try args["weight"].map { try initializer($0, std: std) } ?? .pytorchDefault
            let bias = try args["bias"].map { try initializer($0, std: std) } ?? .pytorchDefault
            dense.append(Dense(inputs: inputs, outputs: outputs, activation: activation))
            initializers.append((weight, bias))
        }
        let network = try located(at: name.location) { try Network(dense) }
        let model = Environment.Model(network: network, name: name.name)
        for (index, layer) in dense.enumerated() {
            let (w, b) = try located(at: layers[index].location) {
                try layer.initialParameters(
                    weight: initializers[index].0, bias: initializers[index].1,
                    generator: &environment.generator)
            }
            environment.declareParameter(model.weightName(index + 1), w)
            environment.declareParameter(model.biasName(index + 1), b)
        }
        environment.models[name.name] = model
        environment.lastModelName = name.name
    }

    /// `"pytorch"` (U(±1/√in)), `"normal"` (N(0, std²)), `"uniform"`, `"zeros"`.
    private func initializer(_ argument: Argument, std: Double) throws -> Dense.Initializer {
        let kinds = ["pytorch", "normal", "uniform", "zeros"]
        let text: String
        switch argument.value.kind {
        case let .string(s), let .name(s): text = s
        case .number(0): return .constant(0)
        default:
            throw RuntimeError("an initialiser is one of \(kinds.joined(separator: ", "))", at: argument.value.location)
        }
        switch text {
        case "pytorch": return .pytorchDefault
        case "normal": return .normal(std: std)
        case "uniform": return .uniform(low: -std, high: std)
        case "zeros": return .constant(0)
        default:
            let hint = nearestName(to: text, among: kinds).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError(
                "unknown initialiser '\(text)'\(hint) (\(kinds.joined(separator: ", ")))",
                at: argument.value.location)
        }
    }

    func defineOptimizer(_ expression: Expr) throws {
        guard case let .call(name, arguments) = expression.kind else {
            throw RuntimeError(
                "an optimizer is a call: optimizer sgd(0.1) or optimizer adam(lr: 0.01)", at: expression.location)
        }
        let evaluation = Evaluation(environment)
        var named: [String: Double] = [:]
        var positional: [Double] = []
        for argument in arguments {
            let value: Double
            switch argument.value.kind {
            case .name("true"): value = 1
            case .name("false"): value = 0
            default: value = try evaluation.number(argument.value, argument.label ?? "the learning rate")
            }
            if let label = argument.label { named[label] = value } else { positional.append(value) }
        }
        let optimizer = try located(at: expression.location) {
            try makeChapterOptimizer(name: name, arguments: named, positional: positional)
        }
        environment.optimizer = Environment.OptimizerState(optimizer: optimizer, parameterNames: nil)
    }
}
