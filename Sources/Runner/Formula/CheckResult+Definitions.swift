extension CheckResult {
    /// A formula check whose every equation only defined a symbol or did not apply: nothing was
    /// compared, so it is counted apart from the checks that passed.
    public var isDefinitionOnly: Bool {
        kind == .formula && status == .passed && !equations.isEmpty
            && equations.allSatisfy { [.definition, .intermediate, .skipped, .notApplicable].contains($0.status) }
    }
}
