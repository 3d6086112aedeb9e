import Notation

/// The `notation` statements in force: whose notation a chapter's formulas are in,
/// and whether a left side that names nothing may define it.
struct FormulaNotation: Codable, Equatable {
    var convention: FormulaConvention?
    var explicitDefinitions = false

    mutating func apply(_ setting: NotationSetting) {
        switch setting {
        case let .convention(convention): self.convention = convention
        case let .explicitDefinitions(explicit): explicitDefinitions = explicit
        }
    }

    /// How an ambiguous reading's error names what resolves it.
    static let declarationHint =
        "declare whose notation it is: check formula in pytorch notation (or d2l, articles), "
        + "or a notation statement before it"
}
