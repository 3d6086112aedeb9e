/// Whose notation a formula is written in, where the letters alone cannot say.
///
/// - `pytorch`: PyTorch's documentation and Kingma & Ba — a step goes from
///   θ_{t-1} to θ_t, γ is the learning rate, Adam's moments are m and v.
/// - `d2l`: *Dive into Deep Learning* — the same steps; Adam's moments are v and s,
///   RMSProp's decay is γ, momentum is β.
/// - `articles`: the book's sources — a step goes from θ_t to θ_{t+1}, and γ beside
///   SGD's momentum is the momentum.
public enum FormulaConvention: String, Hashable, Sendable, Codable, CaseIterable {
    case pytorch, d2l, articles
}

/// What a `notation` statement sets for the formula checks after it in its chapter.
public enum NotationSetting: Hashable, Sendable, Codable {
    /// `notation pytorch`, `notation d2l`, `notation articles`; nil for `notation inferred`.
    case convention(FormulaConvention?)
    /// `notation explicit definitions`: a left side that names nothing is an error,
    /// not a definition (only `:=`, `\equiv`, `\triangleq` and `\leftarrow` define);
    /// `notation implicit definitions` goes back.
    case explicitDefinitions(Bool)
}
