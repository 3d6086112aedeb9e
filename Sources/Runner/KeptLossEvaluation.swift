import Autodiff

/// An evaluation of the chapter's loss at the environment's current state,
/// kept so that the next evaluation of the loss at that state takes its graph
/// instead of computing the forward pass again: the first training step after
/// `loss L = …`, an `expect L < …` after `train`. On a large data set that
/// forward pass is most of a step.
///
/// It is only kept for a loss that draws no random numbers, and the
/// environment drops it as soon as anything the loss reads may have changed
/// (a param, a binding, the models, a layer's recorded values), so taking it
/// gives the very values evaluating again would give, bit for bit.
struct KeptLossEvaluation {
    /// The name the loss is bound to (its expression is `Environment.loss`).
    let name: String
    /// The loss's node: the root of the graph.
    let node: Variable
    /// What the evaluation had computed once the loss was done: every name
    /// it read, by node, and the model calls it made.
    let memo: [String: Variable]
    let applications: [String: [(input: Variable, output: Variable)]]
    let layerValueNames: Set<String>
    /// How deep the evaluation of the loss's expression went, counted from 1.
    let depth: Int
}
