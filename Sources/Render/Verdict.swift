import Runner

/// How a check's outcome is named for a reader: an expected failure is an
/// erratum the chapter set out to show, so it reads as a confirmation.
enum Verdict {
    static func label(_ check: CheckResult) -> String {
        if check.isDefinitionOnly { return "defined, nothing compared" }
        return label(check.status, kind: check.kind)
    }

    /// The badge's style: a definition is not drawn as a pass.
    static func style(_ check: CheckResult) -> String {
        check.isDefinitionOnly ? "definition" : check.status.rawValue
    }

    static func symbol(_ check: CheckResult) -> String {
        check.isDefinitionOnly ? "≔" : symbol(check.status)
    }

    static func label(_ status: CheckStatus, kind: CheckKind) -> String {
        switch status {
        case .passed: return kind == .formula ? "verified" : "passed"
        case .failed: return "failed"
        case .xfail: return "erratum confirmed"
        case .xpass: return "erratum not confirmed"
        case .error: return "error"
        }
    }

    /// A mark that survives without colour (print, Markdown).
    static func symbol(_ status: CheckStatus) -> String {
        switch status {
        case .passed, .xfail: return "✓"
        case .failed, .xpass: return "✗"
        case .error: return "!"
        }
    }

    static func label(_ status: ChapterStatus) -> String { status.rawValue }

    /// The largest errors a check measured, as plain text, or nil when it measured none.
    ///
    /// A formula that agrees shows the tolerance it agrees within, not its
    /// measured residual: those digits change with the machine's BLAS kernel,
    /// the bound does not. Measured numbers are shown for disagreements only.
    static func measures(_ check: CheckResult) -> String? {
        if check.kind == .formula, check.status == .passed || check.status == .xpass {
            let tolerances = Set(check.equations.filter { $0.status == .passed }.compactMap(\.tolerance).map(tolerance))
            return tolerances.count == 1 ? "agrees within \(tolerances.first!)" : nil
        }
        var parts: [String] = []
        if let a = check.maxAbsoluteError { parts.append("max abs. error \(NumberText.format(a))") }
        if let r = check.maxRelativeError { parts.append("max rel. error \(NumberText.format(r))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `rel. 1e-07, abs. 1e-10`
    static func tolerance(_ t: EquationResult.Tolerance) -> String {
        t.absolute == t.relative ? NumberText.format(t.relative)
            : "rel. \(NumberText.format(t.relative)), abs. \(NumberText.format(t.absolute))"
    }
}
