import Notation
import Runner

/// How a check's outcome is named for a reader: an expected failure that is
/// an erratum's evidence reads as the erratum confirmed; outside an erratum
/// (a demonstration) it reads as a failure that was expected.
enum Verdict {
    static func label(_ check: CheckResult, isEvidence: Bool) -> String {
        if check.isDefinitionOnly { return "defined, nothing compared" }
        switch check.status {
        case .xfail where !isEvidence: return "fails, as expected"
        case .xpass where !isEvidence: return "holds, unexpectedly"
        default: return label(check.status, kind: check.kind)
        }
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

    static func label(_ status: ErratumStatus) -> String {
        switch status {
        case .confirmed: return "erratum confirmed"
        case .notConfirmed: return "erratum not confirmed"
        case .error: return "error"
        case .notRun: return "not run"
        }
    }

    static func style(_ status: ErratumStatus) -> String {
        switch status {
        case .confirmed: return "xfail"
        case .notConfirmed: return "xpass"
        case .error, .notRun: return "error"
        }
    }

    static func symbol(_ status: ErratumStatus) -> String {
        switch status {
        case .confirmed: return "✓"
        case .notConfirmed: return "✗"
        case .error, .notRun: return "!"
        }
    }

    /// The largest errors a check measured, as plain text, or nil when it
    /// measured none; for a check that held, the bound it met (`Agreement`).
    static func measures(_ check: CheckResult) -> String? {
        guard check.maxAbsoluteError != nil || check.maxRelativeError != nil else { return nil }
        if Agreement.isNoise(check) { return Agreement.bound(of: check) }
        var parts: [String] = []
        if let a = check.maxAbsoluteError { parts.append("max abs. error \(NumberText.format(a))") }
        if let r = check.maxRelativeError { parts.append("max rel. error \(NumberText.format(r))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
