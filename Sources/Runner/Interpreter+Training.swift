import Autodiff
import Foundation
import Notation

/// `train` and `step`: the optimizer on the loss, full batch or mini-batches.
extension Interpreter {
    func train(_ schedule: TrainingSchedule, at location: SourceLocation) throws -> TrainingResult {
        let loss = try trainingSetup(at: location)
        guard schedule.epochs >= 0 else {
            throw RuntimeError("the number of epochs must not be negative", at: location)
        }
        let logEvery = max(1, schedule.logEvery ?? max(1, schedule.epochs / 10))
        let data = try batchedData(for: loss, batchSize: schedule.batchSize, at: location)
        var result = TrainingResult(
            line: location.line, optimizer: optimizerSettings(), epochs: schedule.epochs,
            batchSize: schedule.batchSize, log: [], finalLoss: .nan, diverged: false,
            trajectories: [:], loss: TrainedLoss(name: loss.name, expression: "\(loss.expression)"))
        recordTrajectories(&result)
        result.recorded = schedule.recorded.map { RecordedSeries(label: "\($0)", epochs: [], values: []) }
        for epoch in 0..<schedule.epochs {
            if epoch % logEvery == 0 || epoch == schedule.epochs - 1 {
                try record(schedule.recorded, at: epoch, into: &result)
            }
            var epochLoss = 0.0
            if let data, let batchSize = schedule.batchSize {
                let order = environment.generator.permutation(data.rows)
                var start = 0
                while start < order.count {
                    let rows = Array(order[start..<min(start + batchSize, order.count)])
                    var overrides: [String: Variable] = [:]
                    for name in data.names {
                        if case let .data(value)? = environment.binding(name) {
                            overrides[name] = Variable(value.rows(rows))
                        }
                    }
                    epochLoss +=
                        try environment.takeOptimizerStep(overrides: overrides, at: location) * Double(rows.count)
                    start += batchSize
                }
                epochLoss /= Double(data.rows)
            } else {
                epochLoss = try environment.takeOptimizerStep(at: location)
            }
            recordTrajectories(&result)
            if epoch % logEvery == 0 || epoch == schedule.epochs - 1 || !epochLoss.isFinite {
                result.log.append(.init(epoch: epoch, loss: epochLoss))
                progress?(
                    .training(
                        file: file, line: location.line, epoch: epoch + 1, epochs: schedule.epochs, loss: epochLoss))
            }
            if !epochLoss.isFinite {
                result.diverged = true
                remember(result)
                throw StatementFailure(
                    error: RuntimeError(
                        "training diverged: the loss became \(epochLoss) in epoch \(epoch) "
                            + "(try a smaller learning rate)", at: location),
                    findings: [.training(result)])
            }
        }
        // Kept for what reads the loss next at these params (`expect L < 0.7`).
        let evaluation = Evaluation(environment)
        let final = try evaluation.evaluateLoss(loss)
        evaluation.recordLayerValues()
        result.finalLoss = final.value.scalar
        environment.keep(evaluation, loss: final)
        remember(result)
        return result
    }

    func steps(_ count: Int, at location: SourceLocation) throws {
        _ = try trainingSetup(at: location)
        for _ in 0..<max(0, count) {
            let value = try environment.takeOptimizerStep(at: location)
            guard value.isFinite else {
                throw RuntimeError("the loss is \(value): the step would not be defined", at: location)
            }
        }
    }

    /// The values of `record` before the step of a logged epoch, as its logged
    /// loss is (on the full data): each must be a single number.
    private func record(_ values: [Expr], at epoch: Int, into result: inout TrainingResult) throws {
        guard !values.isEmpty else { return }
        let evaluation = Evaluation(environment)
        for (k, expression) in values.enumerated() {
            let value = try evaluation.evaluate(expression).value
            guard value.count == 1 else {
                throw RuntimeError(
                    "a recorded value must be a single number; this one has shape \(value.shape)",
                    at: expression.location)
            }
            result.recorded[k].epochs.append(epoch)
            result.recorded[k].values.append(value.scalars[0])
        }
    }

    private func remember(_ result: TrainingResult) {
        environment.lastTraining = result
        environment.unplottedTrainings.append(result)
    }

    /// The loss to minimise, once it is certain there is an optimizer to do it.
    private func trainingSetup(at location: SourceLocation) throws -> (name: String, expression: Expr) {
        guard let loss = environment.loss else {
            throw RuntimeError("there is no loss to minimise: define one first (loss L = mse(net(x), y))", at: location)
        }
        guard environment.optimizer != nil else {
            throw RuntimeError("there is no optimizer: choose one first (optimizer sgd(0.1))", at: location)
        }
        return loss
    }

    private func optimizerSettings() -> OptimizerSettings {
        guard let optimizer = environment.optimizer?.optimizer else { return OptimizerSettings(name: "") }
        return OptimizerSettings(
            name: optimizer.name,
            options: optimizer.hyperparameters.map { .init(name: $0.name, value: $0.value) })
    }

    /// The data sets the loss reads, when training in mini-batches: they must
    /// have the same number of rows, one example per row.
    private func batchedData(
        for loss: (name: String, expression: Expr), batchSize: Int?,
        at location: SourceLocation
    ) throws -> (names: [String], rows: Int)? {
        guard let batchSize else { return nil }
        guard batchSize > 0 else { throw RuntimeError("the batch size must be positive", at: location) }
        let evaluation = Evaluation(environment)
        _ = try evaluation.evaluateLoss(loss)
        var names: [String] = []
        var rows: Int?
        for name in environment.knownNames {
            guard case let .data(value)? = environment.binding(name), evaluation.evaluatedNode(name) != nil else {
                continue
            }
            if let r = rows, r != value.rows {
                throw RuntimeError(
                    "mini-batches need data sets with the same number of rows; '\(name)' has \(value.rows), "
                        + "another has \(r)", at: location)
            }
            rows = value.rows
            names.append(name)
        }
        guard let rows else {
            throw RuntimeError("batch needs data: the loss reads no data set (data x, y = …)", at: location)
        }
        return (names, rows)
    }

    /// The entries of small params (at most `trajectoryEntries`), for the path
    /// on a `plot surface`: keyed by the param's name when it has one entry,
    /// by `W[r,c]` otherwise.
    private func recordTrajectories(_ result: inout TrainingResult) {
        for name in environment.parameterOrder {
            guard let value = environment.parameters[name], value.count <= Self.trajectoryEntries else { continue }
            for (index, x) in value.scalars.enumerated() {
                result.trajectories[trajectoryKey(name, index: index), default: []].append(x)
            }
        }
    }

    /// Params with more entries are not followed: a path over two entries of a
    /// large matrix is rarely drawn, and every epoch would store all of them.
    static let trajectoryEntries = 16
}
