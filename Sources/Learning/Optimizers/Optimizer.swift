import Autodiff

/// A rule that moves parameters against their gradients, one step at a time.
///
/// Optimizers are values: copying one copies its state, so a formula check can
/// take a step on a copy and leave the training run as it was. State is
/// allocated on the first step, one buffer per parameter shaped like it; every
/// later step must pass the same number of parameters with the same shapes.
public protocol Optimizer: Sendable {
    /// The name a chapter gives it: `sgd`, `momentum`, `adagrad`, `rmsprop`, `adadelta`, `adam`,
    /// `adamw`.
    var name: String { get }

    /// The hyper-parameters in a fixed order, named as the chapter options and
    /// formula symbols are (`lr`, `beta1`, `weight_decay`); switches are 0 or 1.
    var hyperparameters: [(name: String, value: Double)] { get }

    /// How many steps have been taken.
    var stepCount: Int { get }

    /// The names `state(_:parameter:)` answers to with these hyper-parameters.
    var stateNames: [String] { get }

    /// The state `name` kept for parameter `index`: nil before the first step,
    /// for a name not in `stateNames`, or for an index out of range.
    func state(_ name: String, parameter index: Int) -> Tensor?

    /// Updates `parameters` in place from `gradients`, aligned by index.
    ///
    /// Throws `OptimizerError.parameterMismatch`, leaving everything unchanged,
    /// when the counts or shapes disagree with each other or with the first step.
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws
}
