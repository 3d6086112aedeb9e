import Chapter
import Notation
import Runner

/// The outcome of each `check formula` beside the formula it checked, as the
/// check recorded it (the display math nearest above its block, SPEC, Statements).
struct FormulaVerdicts {
    struct Entry {
        /// The line of the `check formula` statement.
        var line: Int
        var check: CheckResult
    }

    /// Keyed by the index of the display math block in the chapter.
    private(set) var byBlock: [Int: [Entry]] = [:]
    /// Keyed by the check's line: the equation number it checked.
    private(set) var equationOfCheck: [Int: Int] = [:]
    /// Display math blocks numbered from 1 in order, keyed by block index.
    private(set) var equationNumbers: [Int: Int] = [:]

    init(_ chapter: ChapterResult) {
        var nearest: Int? = nil
        var blockOfFormula: [SourceLocation: Int] = [:]
        for (index, block) in chapter.document.blocks.enumerated() {
            if case let .displayMath(math) = block { blockOfFormula[math.location] = index }
        }
        for (index, block) in chapter.document.blocks.enumerated() {
            switch block {
            case .displayMath:
                nearest = index
                equationNumbers[index] = equationNumbers.count + 1
            case .directive:
                guard let math = nearest, index < chapter.blocks.count else { continue }
                for statement in chapter.blocks[index].statements {
                    guard case .checkFormula = statement.statement.kind else { continue }
                    let line = statement.statement.location.line
                    var checks = statement.findings.compactMap { finding -> CheckResult? in
                        if case let .check(c) = finding { return c } else { return nil }
                    }
                    if let failure = statement.failure {
                        checks.append(
                            CheckResult(
                                line: line, kind: .formula, source: statement.statement.source,
                                status: .error, message: failure.message))
                    }
                    for check in checks {
                        let block = check.formula.flatMap { blockOfFormula[$0] } ?? math
                        byBlock[block, default: []].append(Entry(line: line, check: check))
                        equationOfCheck[line] = equationNumbers[block]
                    }
                }
            default:
                continue
            }
        }
    }
}
