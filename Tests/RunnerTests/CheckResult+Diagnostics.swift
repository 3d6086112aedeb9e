import Runner

extension CheckResult {
    /// What the runner said in words: the diagnostic of a check that could not
    /// be made, or its equations' (an error, sides that cannot be formed).
    var diagnostics: String {
        ([message] + equations.map(\.message)).filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// What the runner decided, as data: the check's failure, then its equations'.
    var failures: [FormulaFailure] {
        ([failure] + equations.map(\.failure)).compactMap { $0 }
    }
}
