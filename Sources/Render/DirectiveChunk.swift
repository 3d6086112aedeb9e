import Chapter
import Notation
import Runner

/// A directive block cut into runs of source lines, each followed by what its
/// statements produced, so a result sits right under the line that made it,
/// as in a notebook.
///
/// A run ends after a statement with something to show (a finding or an
/// error), after a line with a syntax error, and where running stopped, so
/// statements that did not run form runs of their own.
struct DirectiveChunk {
    struct Line {
        var number: Int
        var text: String
    }

    /// What follows a run, in source order.
    enum Outcome {
        case statement(StatementResult)
        case syntaxError(Diagnostic)
    }

    var lines: [Line]
    var notRun: Bool
    var outcomes: [Outcome]

    /// The directive's source lines with their numbers in the chapter; the
    /// newline that ends the last line does not start another.
    static func lines(of directive: Directive) -> [Line] {
        let first = directive.contentLocation.line
        var texts = LineTable.lines(of: directive.content)
        if texts.last == "" { texts.removeLast() }
        return texts.enumerated().map { Line(number: first + $0.offset, text: $0.element) }
    }

    static func chunks(_ directive: Directive, _ result: BlockResult) -> [DirectiveChunk] {
        let first = directive.contentLocation.line
        let lines = lines(of: directive)
        guard !lines.isEmpty else { return [] }

        // Where each statement starts and ends: it ends on its last line that is
        // neither blank nor only a comment before the next statement or error,
        // so a comment above a statement stays with it.
        let starts =
            (result.statements.map(\.statement.location.line)
            + result.diagnostics.map(\.location.line)).sorted()
        func end(of start: Int) -> Int {
            let next = starts.first { $0 > start } ?? (first + lines.count)
            var last = start
            for number in start..<min(next, first + lines.count) where !isBlankOrComment(lines[number - first].text) {
                last = number
            }
            return last
        }

        var outcomesAfter: [Int: [Outcome]] = [:]
        var notRunLines = Set<Int>()
        for statement in result.statements {
            let start = statement.statement.location.line
            let last = end(of: start)
            if case .notRun = statement.state { notRunLines.formUnion(start...last) }
            // An erratum's box follows its statement, which finds nothing itself.
            let isErratum = if case .erratum = statement.statement.kind { true } else { false }
            if !statement.findings.isEmpty || statement.isFailure || isErratum {
                outcomesAfter[last, default: []].append(.statement(statement))
            }
        }
        for diagnostic in result.diagnostics {
            outcomesAfter[diagnostic.location.line, default: []].append(.syntaxError(diagnostic))
        }

        // A blank or comment line takes the state of the statement below it.
        var notRun = lines.map { notRunLines.contains($0.number) }
        var below: Bool? = nil
        for index in lines.indices.reversed() {
            if isBlankOrComment(lines[index].text) {
                notRun[index] = below ?? notRun[index]
            } else {
                below = notRun[index]
            }
        }

        var chunks: [DirectiveChunk] = []
        var current = DirectiveChunk(lines: [], notRun: notRun[0], outcomes: [])
        for (index, line) in lines.enumerated() {
            // A blank line only separates runs; at the top of one it shows nothing.
            if current.lines.isEmpty, line.text.allSatisfy(\.isWhitespace) { continue }
            if current.lines.isEmpty {
                current.notRun = notRun[index]
            } else if notRun[index] != current.notRun {
                chunks.append(current)
                current = DirectiveChunk(lines: [], notRun: notRun[index], outcomes: [])
            }
            current.lines.append(line)
            if let outcomes = outcomesAfter[line.number] {
                current.outcomes = outcomes
                chunks.append(current)
                current = DirectiveChunk(lines: [], notRun: notRun[index], outcomes: [])
            }
        }
        if !current.lines.isEmpty { chunks.append(current) }
        return chunks
    }

    private static func isBlankOrComment(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
