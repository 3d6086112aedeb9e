import Autodiff
import Dispatch
import Notation

/// One evaluation of expressions against a chapter's environment.
///
/// Parameters become leaves of a fresh graph and every name is evaluated at
/// most once and remembered, so the graph of `L` contains the very node that
/// `z1` or `net.1.z` names: `grad(L, z1)` and the gradient checks differentiate
/// with respect to it. `overrides` replace names by given values: a nudged copy
/// for finite differences, the rows of a mini-batch for training.
final class Evaluation {
    let environment: Environment
    private let overrides: [String: Variable]
    /// Whether constants computed from other values are recomputed from them,
    /// so that a derivative with respect to those values sees the dependence
    /// (`∂s/∂z` with `let s = softmax(z)`). Training leaves it off: constants
    /// then cost nothing per step.
    private let tracesConstants: Bool
    private var memo: [String: Variable] = [:]
    /// Models already applied in this evaluation, by model and input node: a
    /// second `net(x)` is the same node, so `net.1.z` names one node of one graph.
    /// The inputs are kept, so that an input's identity is never reused.
    var applications: [String: [(input: Variable, output: Variable)]] = [:]
    private var inProgress: Set<String> = []
    /// Expressions being evaluated, one inside the other: through live names
    /// the input controls how deep evaluation recurses, so it is bounded.
    private var depth = 0
    /// The deepest this evaluation went, counting for an overridden name the
    /// depth its own evaluation needed (`overrideDepths`).
    private(set) var deepest = 0
    /// For overrides that stand for a live name's value: how deep evaluating the
    /// name itself goes, so that the bound on depth holds as if it were evaluated.
    var overrideDepths: [String: Int] = [:]
    /// Deeper than the parser allows one expression (1000), with room for
    /// chains of live names; well within the stack of a chapter's thread.
    static let maximumDepth = 3000
    /// The names of layer values (a model's z and a) remembered so far.
    private var layerValueNames: Set<String> = []

    init(_ environment: Environment, overrides: [String: Variable] = [:], tracesConstants: Bool = false) {
        self.environment = environment
        self.overrides = overrides
        self.tracesConstants = tracesConstants
    }

    /// The leaves made for parameters so far, in declaration order.
    var parameterLeaves: [(name: String, leaf: Variable)] {
        environment.parameterOrder.compactMap { name in memo[name].map { (name, $0) } }
    }

    /// The node a name stands for in this evaluation, if it was evaluated.
    func evaluatedNode(_ name: String) -> Variable? { overrides[name] ?? memo[name] }

    /// Every name this evaluation has bound to `node`, sorted: a constant
    /// traced to a param (`let W = net.1.W`) is the param's very node, so a
    /// value nudged under one name must be nudged under all of them.
    func names(boundTo node: Variable) -> [String] {
        let names = memo.filter { $0.value === node }.map(\.key) + overrides.filter { $0.value === node }.map(\.key)
        return Set(names).sorted()
    }

    /// Records the layer values computed by model calls, so that later
    /// statements can name them (`show net.1.a`).
    func recordLayerValues() {
        for name in layerValueNames {
            if let node = memo[name] { environment.recordedLayerValues[name] = node.value }
        }
    }

    // MARK: Names

    func variable(named name: String, at location: SourceLocation) throws -> Variable {
        if let node = overrides[name] {
            if let below = overrideDepths[name] {
                guard depth + below <= Self.maximumDepth else { throw tooDeep(at: location) }
                deepest = max(deepest, depth + below)
            }
            return node
        }
        if let node = memo[name] { return node }
        let node: Variable
        switch environment.binding(name) {
        case .parameter?:
            node = Variable(environment.parameters[name]!)
        case let .constant(value, expression)?:
            if tracesConstants, let expression, Evaluation.isTraceable(expression) {
                node = try traced(name, expression, at: location)
            } else {
                node = Variable(value)
            }
        case let .data(value)?:
            node = Variable(value)
        case let .live(expression)?:
            if let kept = keptLoss(named: name, below: depth) {
                node = kept
                break
            }
            guard inProgress.insert(name).inserted else {
                throw RuntimeError("'\(name)' is defined in terms of itself", at: location)
            }
            defer { inProgress.remove(name) }
            node = try evaluate(expression)
        case nil:
            if let value = environment.recordedLayerValues[name] {
                node = Variable(value)
            } else if let truth = Booleans.constants[name] {
                node = Variable(Tensor(truth ? 1 : 0))
            } else {
                throw unknownName(name, at: location)
            }
        }
        memo[name] = node
        return node
    }

    // MARK: The kept loss

    /// The chapter's loss, evaluated as `evaluate(loss.expression)` would, from
    /// the kept evaluation when there is one for it.
    func evaluateLoss(_ loss: (name: String, expression: Expr)) throws -> Variable {
        if let kept = keptLoss(named: loss.name, below: depth) { return kept }
        return try evaluate(loss.expression)
    }

    /// The loss as this evaluation has it, for the environment to keep, or nil
    /// when another evaluation at the same state could not take it as its own:
    /// this one replaced names or traced constants.
    func keeping(_ node: Variable, asLoss name: String) -> KeptLossEvaluation? {
        guard overrides.isEmpty, !tracesConstants, inProgress.isEmpty, depth == 0 else { return nil }
        return KeptLossEvaluation(
            name: name, node: node, memo: memo, applications: applications, layerValueNames: layerValueNames,
            depth: deepest)
    }

    /// The kept loss's node, taken on with everything its evaluation computed,
    /// when that is exactly what evaluating the loss here would compute: the
    /// kept one is for this name, this evaluation replaces nothing, and the loss
    /// is the first value it reads (at `depth`, the depth of the loss's name).
    private func keptLoss(named name: String, below depth: Int) -> Variable? {
        guard let kept = environment.keptLoss, kept.name == name, overrides.isEmpty, !tracesConstants,
            memo.isEmpty, applications.isEmpty, inProgress.isEmpty, layerValueNames.isEmpty,
            depth + kept.depth <= Self.maximumDepth
        else { return nil }
        memo = kept.memo
        applications = kept.applications
        layerValueNames = kept.layerValueNames
        deepest = max(deepest, depth + kept.depth)
        return kept.node
    }

    /// This evaluation's overrides, with constants traced.
    func tracing() -> Evaluation {
        tracesConstants ? self : Evaluation(environment, overrides: overrides, tracesConstants: true)
    }

    /// A constant recomputed from its expression (same value, now connected).
    private func traced(_ name: String, _ expression: Expr, at location: SourceLocation) throws -> Variable {
        guard inProgress.insert(name).inserted else {
            throw RuntimeError("'\(name)' is defined in terms of itself", at: location)
        }
        defer { inProgress.remove(name) }
        return try evaluate(expression)
    }

    /// An expression that reads other names and draws no random numbers:
    /// recomputing it gives the same value.
    static func isTraceable(_ expression: Expr) -> Bool {
        var readsAName = false
        var pending = [expression]
        while let e = pending.popLast() {
            switch e.kind {
            case .name: readsAName = true
            case let .call(name, _) where name == "randn" || name == "rand": return false
            default: break
            }
            pending += e.kind.children
        }
        return readsAName
    }

    /// Remembers a node computed under a name (a layer's z or a).
    func remember(_ name: String, _ node: Variable) -> Variable {
        if let replacement = overrides[name] { return replacement }
        memo[name] = node
        layerValueNames.insert(name)
        return node
    }

    private func tooDeep(at location: SourceLocation) -> RuntimeError {
        RuntimeError(
            "the expression nests more than \(Self.maximumDepth) levels deep, counting the live "
                + "names it reads (a let defined in terms of a let, and so on); shorten the chain", at: location)
    }

    private func unknownName(_ name: String, at location: SourceLocation) -> RuntimeError {
        if let model = environment.models[name.split(separator: ".").first.map(String.init) ?? ""],
            name.contains(".")
        {
            let layers = model.network.layers.count
            return RuntimeError(
                "unknown name '\(name)': model '\(model.name)' has layers 1…\(layers), "
                    + "each with .W, .b, and after a call .z, .a", at: location)
        }
        var message = "unknown name '\(name)'"
        if let suggestion = nearestName(to: name, among: environment.knownNames) {
            message += "; did you mean '\(suggestion)'?"
        }
        return RuntimeError(message, at: location)
    }

    // MARK: Expressions

    func evaluate(_ expression: Expr) throws -> Variable {
        let location = expression.location
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw tooDeep(at: location) }
        deepest = max(deepest, depth)
        if let deadline = environment.deadline, DispatchTime.now().uptimeNanoseconds > deadline {
            throw TimeLimitExceeded()
        }
        switch expression.kind {
        case let .number(value):
            return Variable(Tensor(value))
        case .string:
            throw RuntimeError("a string is only an argument (a file name or an option)", at: location)
        case let .name(name):
            return try variable(named: name, at: location)
        case let .matrix(rows):
            return Variable(try matrixLiteral(rows, at: location))
        case let .call(name, arguments):
            return try call(name, arguments, at: location)
        case let .negate(operand):
            return -(try evaluate(operand))
        case let .transpose(operand):
            return try evaluate(operand).transposed
        case let .row(matrix, index):
            let m = try evaluate(matrix)
            let i = try integer(index, "row index")
            return try located(at: location) { try m.rows([i]) }
        case let .binary(op, left, right, operatorLocation):
            return try binary(op, left, right, at: operatorLocation)
        case .symbol:
            throw RuntimeError("a layered or time-stepped symbol is only meaningful in a formula", at: location)
        case .derivative:
            throw RuntimeError("a derivative is only meaningful in a formula", at: location)
        case .prime:
            throw RuntimeError("f'(z) is only meaningful in a formula", at: location)
        case .entry:
            throw RuntimeError("an entry written as a subscript is only meaningful in a formula", at: location)
        }
    }

    private func binary(
        _ op: BinaryOperator, _ left: Expr, _ right: Expr,
        at location: SourceLocation
    ) throws -> Variable {
        if op == .matrixProduct {
            // A transpose beside @ becomes a BLAS flag instead of a copy.
            let (a, transposeA) = try transposedOperand(left)
            let (b, transposeB) = try transposedOperand(right)
            return try located(at: location) {
                try Variable.matmul(a, b, transposeA: transposeA, transposeB: transposeB)
            }
        }
        let a = try evaluate(left), b = try evaluate(right)
        return try located(at: location) { try op.apply(a, b) }
    }

    private func transposedOperand(_ expression: Expr) throws -> (Variable, Bool) {
        if case let .transpose(inner) = expression.kind { return (try evaluate(inner), true) }
        return (try evaluate(expression), false)
    }

    private func matrixLiteral(_ rows: [[Expr]], at location: SourceLocation) throws -> Tensor {
        let width = rows.first?.count ?? 0
        var entries: [Double] = []
        for row in rows {
            guard row.count == width else {
                throw RuntimeError(
                    "every row of a matrix needs \(width) entries; this one has \(row.count)",
                    at: row.first?.location ?? location)
            }
            for entry in row { entries.append(try number(entry, "a matrix entry")) }
        }
        return Tensor(shape: .matrix(rows.count, width), scalars: entries)
    }

    // MARK: Numbers

    /// The value of an expression that must be one number.
    func number(_ expression: Expr, _ what: String) throws -> Double {
        let value = try evaluate(expression).value
        guard value.count == 1 else {
            throw RuntimeError(
                "\(what) must be a single number, got a value of shape \(value.shape)",
                at: expression.location)
        }
        return value.scalars[0]
    }

    /// The value of an expression that must be a whole number.
    func integer(_ expression: Expr, _ what: String) throws -> Int {
        let x = try number(expression, what)
        guard x.rounded() == x, Swift.abs(x) < 1e15 else {
            throw RuntimeError("\(what) must be a whole number, got \(x)", at: expression.location)
        }
        return Int(x)
    }
}
