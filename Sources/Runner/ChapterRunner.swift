import Chapter
import Foundation
import Learning
import Notation

/// What the runner reports while it works (for progress on a terminal).
public enum ProgressEvent: Sendable {
    case training(file: String, line: Int, epoch: Int, epochs: Int, loss: Double)
    /// A statement is about to run (a chapter's worker process reports where
    /// it is, so that a crash can be placed at the statement).
    case statement(file: String, line: Int, column: Int)
}

/// Runs one chapter: reads it with cmark, parses its directive blocks, and runs
/// their statements in order in a fresh environment. A statement that fails
/// stops the chapter: the statements after it are marked as not run, and the
/// whole chapter is still returned for rendering.
public struct ChapterRunner: Sendable {
    /// The folder data paths may not leave.
    public var bookRoot: String
    public var progress: (@Sendable (ProgressEvent) -> Void)?
    /// Seconds a chapter may run before it is stopped at the running statement.
    public var timeLimit: Double?

    public init(bookRoot: String, timeLimit: Double? = nil, progress: (@Sendable (ProgressEvent) -> Void)? = nil) {
        self.bookRoot = bookRoot
        self.timeLimit = timeLimit
        self.progress = progress
    }

    /// Runs the chapter at `path`; `displayPath` names it in messages and reports.
    public func run(path: String, displayPath: String) -> ChapterResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let problem = Self.unreadable(path)
        let contents = problem == nil ? FileManager.default.contents(atPath: path) : nil
        let bytes = contents.map { [UInt8]($0) }
        let reading = bytes.map { ChapterReader.read(file: displayPath, contents: $0) }
            ?? (document: ChapterDocument(file: displayPath, blocks: []),
                diagnostics: [Diagnostic(problem ?? "cannot read the chapter file",
                                         at: SourceLocation(file: displayPath, line: 1, column: 1))])
        let document = reading.document
        var diagnostics = reading.diagnostics
        let sourceLines = bytes.map { String(decoding: $0, as: UTF8.self) }
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) } } ?? []
        // A diagnostic the runner makes, with the chapter line it points at.
        func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
            let line = sourceLines.indices.contains(location.line - 1) ? sourceLines[location.line - 1] : nil
            return Diagnostic(message, at: location, sourceLine: line)
        }

        let interpreter = Interpreter(file: displayPath, chapterDirectory: (path as NSString).deletingLastPathComponent,
                                      bookRoot: bookRoot, progress: progress)
        if let timeLimit {
            // At most 30 years: any larger limit (or infinity) would overflow the clock.
            interpreter.environment.deadline = started + UInt64(min(max(0, timeLimit), 1e9) * 1e9)
        }
        // A byte-order mark alone is no more a chapter than no bytes at all.
        if let bytes, (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
            .allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) {
            // An empty file in a book is a mistake, not a chapter.
            diagnostics.append(diagnostic("the chapter is empty: nothing to read or run",
                                          at: SourceLocation(file: displayPath, line: 1, column: 1)))
        }
        var timedOut = false
        var stopped = false
        var blocks: [BlockResult] = []
        for block in document.blocks {
            if case let .displayMath(math) = block { interpreter.displayMathAbove = math }
            guard case let .directive(directive) = block else {
                blocks.append(BlockResult())
                continue
            }
            let parsed = parseDirectives(directive.content, file: displayPath, firstLine: directive.contentLocation.line)
            let firstError = parsed.diagnostics.first?.location
            var result = BlockResult(diagnostics: parsed.diagnostics)
            for statement in parsed.statements {
                if let error = firstError, error < statement.location, !stopped {
                    stopped = true  // statements after a syntax error do not run
                }
                if stopped {
                    result.statements.append(StatementResult(statement: statement, state: .notRun))
                    continue
                }
                progress?(.statement(file: displayPath, line: statement.location.line, column: statement.location.column))
                do {
                    let findings = try interpreter.execute(statement).map { $0.placed(at: statement.location.column) }
                    result.statements.append(StatementResult(statement: statement, state: .ran, findings: findings))
                } catch let failure as StatementFailure {
                    let failed = diagnostic(failure.error.message, at: failure.error.location)
                    result.statements.append(StatementResult(statement: statement, state: .failed(failed),
                                                             findings: failure.findings.map { $0.placed(at: statement.location.column) }))
                    stopped = true
                } catch is TimeLimitExceeded {
                    timedOut = true
                    let limit = timeLimit.map { String(format: "%g", $0) } ?? "?"
                    let failed = diagnostic("the chapter ran past its time limit of \(limit) s while running this "
                                            + "statement (--timeout sets the limit)", at: statement.location)
                    result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                    stopped = true
                } catch let error as RuntimeError {
                    let failed = diagnostic(error.message, at: error.location)
                    result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                    stopped = true
                } catch {
                    let failed = diagnostic("\(error)", at: statement.location)
                    result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                    stopped = true
                }
            }
            if firstError != nil { stopped = true }
            blocks.append(result)
        }

        diagnostics += blocks.flatMap { $0.diagnostics }
        diagnostics += blocks.flatMap { $0.statements.compactMap { if case let .failed(d) = $0.state { return d } else { return nil } } }
        let errata = Errata.group(document, blocks)
        diagnostics += errata.problems.map { diagnostic($0.0, at: $0.1) }
        // Every diagnostic carries its line from where it was made: the
        // reader's and the parser's from their source, the runner's from `diagnostic`.
        diagnostics.sort { $0.location < $1.location }
        var result = ChapterResult(file: displayPath, title: document.title, document: document,
                                   blocks: blocks, diagnostics: diagnostics)
        result.errata = errata.errata
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result.dataFiles = interpreter.dataFiles
        result.dataFileHashes = interpreter.dataFileHashes
        result.chapterHash = contents.map(ChapterCache.hash)
        result.timedOut = timedOut
        return result
    }

}

extension ChapterRunner {
    /// The result of a chapter whose run was lost (its worker process crashed,
    /// ran out of memory or was stopped at its time limit): the chapter as
    /// read, with `message` at the statement that was running (`location`, or
    /// the chapter's first line) and every other statement marked not run.
    /// Without a statement the run stopped before any ran, perhaps while
    /// reading the chapter, so the chapter is not read again here. Such a
    /// result carries no hash of the chapter, so it is never cached.
    public func abandoned(path: String, displayPath: String, at location: SourceLocation?,
                          message: String, timedOut: Bool) -> ChapterResult {
        let contents = location != nil && Self.unreadable(path) == nil ? FileManager.default.contents(atPath: path) : nil
        let bytes = contents.map { [UInt8]($0) } ?? []
        let reading = ChapterReader.read(file: displayPath, contents: bytes)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let place = location ?? SourceLocation(file: displayPath, line: 1, column: 1)
        let sourceLine = lines.indices.contains(place.line - 1) ? String(lines[place.line - 1].trimmingSuffix("\r")) : nil
        let failure = Diagnostic(message, at: place, sourceLine: sourceLine)
        var placed = false
        var blocks: [BlockResult] = []
        for block in reading.document.blocks {
            guard case let .directive(directive) = block else {
                blocks.append(BlockResult())
                continue
            }
            let parsed = parseDirectives(directive.content, file: displayPath, firstLine: directive.contentLocation.line)
            var result = BlockResult(diagnostics: parsed.diagnostics)
            for statement in parsed.statements {
                if !placed, statement.location == place {
                    placed = true
                    result.statements.append(StatementResult(statement: statement, state: .failed(failure)))
                } else {
                    result.statements.append(StatementResult(statement: statement, state: .notRun))
                }
            }
            blocks.append(result)
        }
        let errata = Errata.group(reading.document, blocks)
        var diagnostics = reading.diagnostics + blocks.flatMap(\.diagnostics) + [failure]
            + errata.problems.map { Diagnostic($0.0, at: $0.1) }
        diagnostics.sort { $0.location < $1.location }
        var result = ChapterResult(file: displayPath, title: reading.document.title, document: reading.document,
                                   blocks: blocks, diagnostics: diagnostics)
        result.errata = errata.errata
        result.timedOut = timedOut
        return result
    }

    /// Why the file at `path` cannot be read as a chapter, or nil. Only a
    /// regular file is opened: reading a pipe or a device could wait forever.
    static func unreadable(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot read the chapter file: \(String(cString: strerror(errno)))" }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return "the chapter is not a regular file (a folder, a pipe or a device); a chapter must be a file"
        }
        return nil
    }
}

private extension Finding {
    /// A check carries its statement's column.
    func placed(at column: Int) -> Finding {
        guard case var .check(check) = self else { return self }
        check.column = column
        return .check(check)
    }
}

/// A statement that failed after producing findings worth keeping (a
/// training that diverged keeps its log).
struct StatementFailure: Error {
    var error: RuntimeError
    var findings: [Finding]
}

private extension Substring {
    func trimmingSuffix(_ suffix: Character) -> Substring { last == suffix ? dropLast() : self }
}
