import Autodiff
import Foundation
import Notation

/// `check gradients` and `expect`.
extension Interpreter {
    func checkGradients(of output: Identifier?, wrt targets: [Identifier], statement: Statement) throws -> CheckResult {
        let location = statement.location
        let outputName: String
        if let output {
            outputName = output.name
        } else if let loss = environment.loss {
            outputName = loss.name
        } else {
            throw RuntimeError("check gradients needs a loss (loss L = …) or 'of NAME'", at: location)
        }
        let outputLocation = output?.location ?? location
        let base = Evaluation(environment, tracesConstants: true)
        let value = try base.variable(named: outputName, at: outputLocation)
        guard value.value.count == 1 else {
            throw RuntimeError(
                "'\(outputName)' has shape \(value.shape); gradients are checked for a single number",
                at: outputLocation)
        }
        var names = targets.map(\.name)
        if names.isEmpty { names = base.parameterLeaves.map(\.name) }
        guard !names.isEmpty else { throw RuntimeError("'\(outputName)' depends on no param to check", at: location) }

        var rows: [CheckRow] = []
        for (index, name) in names.enumerated() {
            let targetLocation = index < targets.count ? targets[index].location : location
            let node = try base.variable(named: name, at: targetLocation)
            // The gradient of the chapter's own graph is the one confirmed, and the
            // finite differences nudge the value under every name it goes by
            // (`let W = net.1.W`): nudging one name alone would change nothing
            // that reads the other, and 0 would agree with 0.
            let gradient = try gradients(of: value, withRespectTo: [node])[0]
            let aliases = Set(base.names(boundTo: node) + [name])
            let report = try checkGradient(at: node.value, gradient: gradient) { leaf in
                let overrides = Dictionary(uniqueKeysWithValues: aliases.map { ($0, leaf) })
                return try Evaluation(environment, overrides: overrides, tracesConstants: true)
                    .variable(named: outputName, at: outputLocation)
            }
            rows.append(CheckRow(subject: name, comparison: report))
        }
        let failed = rows.contains { !$0.passed }
        var result = CheckResult(
            line: location.line, kind: .gradients, source: statement.source,
            status: failed ? .failed : .passed,
            maxAbsoluteError: rows.map(\.maxAbsoluteError).max(),
            maxRelativeError: rows.map(\.maxRelativeError).max(),
            message: "", rows: rows)
        let options = GradientCheckOptions()
        result.tolerance = Tolerance(absolute: options.absoluteTolerance, relative: options.relativeTolerance)
        return result
    }

    func expect(_ expectation: Expectation, statement: Statement) throws -> CheckResult {
        let evaluation = Evaluation(environment)
        defer { evaluation.recordLayerValues() }
        func values(_ a: Expr, _ b: Expr) throws -> (Tensor, Tensor) {
            let x = try evaluation.evaluate(a).value, y = try evaluation.evaluate(b).value
            guard x.shape.broadcast(with: y.shape) != nil else {
                throw RuntimeError("cannot compare shapes \(x.shape) and \(y.shape)", at: b.location)
            }
            return (x, y)
        }
        let outcome: ExpectationOutcome
        var bound: Tolerance?
        switch expectation {
        case let .comparison(left, op, right):
            let (x, y) = try values(left, right)
            let pairs = try Tensor.broadcasting(x, y, operation: op.rawValue) { op.holds($0, $1) == true ? 1 : 0 }
            outcome = ExpectationOutcome(
                left: "\(left)", relation: op.rawValue, leftValue: .init(x), rightValue: .init(y),
                holds: pairs.scalars.allSatisfy { $0 == 1 })
        case let .approximately(left, right, tolerance):
            let (x, y) = try values(left, right)
            let tol = try evaluation.number(tolerance, "the tolerance")
            guard tol >= 0 else {  // also refuses NaN
                throw RuntimeError(
                    "the tolerance after ± must be a number of at least 0, not \(NumberText.format(tol))",
                    at: tolerance.location)
            }
            let diff = try Tensor.broadcasting(x, y, operation: "≈") { Swift.abs($0 - $1) }
            let worst = diff.scalars.max() ?? 0
            bound = Tolerance(absolute: tol)
            outcome = ExpectationOutcome(
                left: "\(left)", relation: "≈", leftValue: .init(x), rightValue: .init(y),
                tolerance: "\(tolerance)", worst: worst, holds: worst <= tol)  // NaN fails
        }
        var result = CheckResult(
            line: statement.location.line, kind: .expect, source: statement.source,
            status: outcome.holds ? .passed : .failed, maxAbsoluteError: outcome.worst, message: "")
        result.tolerance = bound
        result.expectation = outcome
        return result
    }
}
