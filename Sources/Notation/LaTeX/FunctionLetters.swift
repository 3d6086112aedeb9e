/// The letters a formula applies to a parenthesised argument (`f(z)`, `σ(z)`,
/// `J(θ_t)`, `L(y, ŷ)`), by what they stand for: the one list that the reader,
/// which reads them as applications, and the formula's meaning, which gives
/// them their values, share.
public enum FunctionLetters {
    /// The loss: the chapter's `loss`, at the values its arguments name.
    public static let loss = ["C", "L", "J", "E", "ℒ"]
    /// An activation: the one of the layer its argument belongs to (`f(z^{(l)})`).
    public static let activation = ["f", "g", "h", "φ"]
    /// The sigmoid.
    public static let sigmoid = "σ"
    /// Every letter read as a function: those above, and ℓ, l and Q, which only
    /// a `where` binding gives a meaning.
    public static let all = Set(loss + activation + [sigmoid, "ℓ", "l", "Q"])
}
