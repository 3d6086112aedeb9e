import Chapter
import Notation

/// An error of the article that the chapter shows: the claim as the article
/// makes it, the checks that show it wrong (evidence) and the checks of the
/// corrected version (correction), each named by its statement's line.
public struct ErratumResult: Sendable, Codable, Equatable {
    public var line: Int
    public var column: Int
    public var claim: String
    public var evidence: [Int]
    public var correction: [Int]
    public var status: ErratumStatus

    public init(line: Int, column: Int, claim: String, evidence: [Int], correction: [Int], status: ErratumStatus) {
        self.line = line
        self.column = column
        self.claim = claim
        self.evidence = evidence
        self.correction = correction
        self.status = status
    }
}

/// confirmed: every piece of evidence showed the error and every correction
/// held; not confirmed: a piece of evidence did not show it (an expected
/// failure that passed) or a correction failed; error: the erratum has no
/// evidence or one of its checks could not be made; not run: the chapter
/// stopped before its checks ran.
public enum ErratumStatus: String, Sendable, Codable {
    case confirmed
    case notConfirmed = "not_confirmed"
    case error
    case notRun = "not_run"
}

/// Reads the errata of a chapter from its statements in document order: an
/// `erratum` statement opens one; the checks after it are its evidence, those
/// after `correction` its correction; `end erratum`, the next `erratum` and the
/// next heading close it. A group that is written wrongly is a located error.
enum Errata {
    static func group(_ document: ChapterDocument, _ blocks: [BlockResult]) -> (
        errata: [ErratumResult], problems: [(String, SourceLocation)]
    ) {
        var errata: [ErratumResult] = []
        var problems: [(String, SourceLocation)] = []
        var open: (statement: Statement, claim: String, evidence: [StatementResult], correction: [StatementResult]?)?

        func close() {
            guard let group = open else { return }
            open = nil
            let location = group.statement.location
            var status = ErratumStatus.confirmed
            if group.evidence.isEmpty {
                problems.append(
                    (
                        "this erratum has no evidence: follow it with the checks that show the claim wrong "
                            + "(check formula … expect fail, or expect …) before 'correction'", location
                    ))
                status = .error
            }
            let members = group.evidence.map { ($0, true) } + (group.correction ?? []).map { ($0, false) }
            for (member, isEvidence) in members where status != .error {
                switch member.state {
                case .failed: status = .error
                case .notRun: status = .notRun
                case .ran:
                    for case let .check(check) in member.findings {
                        let shows =
                            isEvidence
                            ? check.status != .failed && check.status != .xpass
                            : check.status == .passed
                        if check.status == .error {
                            status = .error
                        } else if !shows, status == .confirmed {
                            status = .notConfirmed
                        }
                    }
                }
            }
            errata.append(
                ErratumResult(
                    line: location.line, column: location.column, claim: group.claim,
                    evidence: group.evidence.map(\.statement.location.line),
                    correction: (group.correction ?? []).map(\.statement.location.line),
                    status: status))
        }

        func add(_ result: StatementResult) {
            guard open != nil else { return }
            if open?.correction != nil { open?.correction?.append(result) } else { open?.evidence.append(result) }
        }

        for (index, block) in document.blocks.enumerated() {
            if case let .prose(prose) = block, !prose.headings.isEmpty { close() }
            guard case .directive = block, index < blocks.count else { continue }
            for result in blocks[index].statements {
                let statement = result.statement
                switch statement.kind {
                case let .erratum(claim):
                    close()
                    open = (statement, claim, [], nil)
                case .correction:
                    if open == nil {
                        problems.append(
                            (
                                "'correction' belongs to an erratum: write erratum \"the article's claim\" "
                                    + "and its evidence before it", statement.location
                            ))
                    } else if open?.correction != nil {
                        problems.append(
                            (
                                "this erratum already has its correction (line "
                                    + "\(open!.statement.location.line)'s erratum)", statement.location
                            ))
                    } else {
                        open?.correction = []
                    }
                case .endErratum:
                    if open == nil {
                        problems.append(("'end erratum' closes an erratum, but none is open here", statement.location))
                    }
                    close()
                case let .checkFormula(check):
                    if open?.correction != nil, check.expectsFailure {
                        problems.append(
                            (
                                "a correction is a check that holds: 'expect fail' marks evidence, "
                                    + "which comes before 'correction'", statement.location
                            ))
                    }
                    add(result)
                case .checkGradients, .expect:
                    add(result)
                default:
                    continue
                }
            }
        }
        close()
        return (errata, problems)
    }
}
