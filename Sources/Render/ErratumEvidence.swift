import Runner

/// The chapter's errata with the checks each one groups, looked up by line,
/// for the erratum boxes and for naming the evidence's verdicts.
struct ErratumEvidence {
    /// Keyed by the line of the `erratum` statement.
    private(set) var byLine: [Int: ErratumResult] = [:]
    /// The lines of every check that is an erratum's evidence.
    private(set) var evidenceLines: Set<Int> = []
    private var checks: [Int: CheckResult] = [:]

    init(_ chapter: ChapterResult) {
        for erratum in chapter.errata {
            byLine[erratum.line] = erratum
            evidenceLines.formUnion(erratum.evidence)
        }
        for check in chapter.checks { checks[check.line] = check }
    }

    /// The check made at `line`, or nil when its statement did not run or stopped.
    func check(at line: Int) -> CheckResult? { checks[line] }

    func isEvidence(_ check: CheckResult) -> Bool { evidenceLines.contains(check.line) }
}
