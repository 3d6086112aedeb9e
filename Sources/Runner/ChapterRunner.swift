import Chapter
import Foundation
import Notation

/// What the runner reports while it works (for progress on a terminal).
public enum ProgressEvent: Sendable {
    case training(file: String, line: Int, epoch: Int, epochs: Int, loss: Double)
    /// A statement is about to run (a chapter's worker process reports where
    /// it is, so that a crash can be placed at the statement); `source` is
    /// its first line as written.
    case statement(file: String, line: Int, column: Int, source: String)
    /// Something worth saying that changes no result (a damaged cache entry ignored).
    case note(file: String, message: String)
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
    /// Where blocks' results and states are kept between runs, if anywhere.
    public var cache: BlockCache?

    public init(
        bookRoot: String, timeLimit: Double? = nil, cache: BlockCache? = nil,
        progress: (@Sendable (ProgressEvent) -> Void)? = nil
    ) {
        self.bookRoot = bookRoot
        self.timeLimit = timeLimit
        self.cache = cache
        self.progress = progress
    }

    /// Runs the chapter at `path`; `displayPath` names it in messages and reports.
    public func run(path: String, displayPath: String) -> ChapterResult {
        run(path: path, displayPath: displayPath, mode: .usingCache)!
    }

    /// The chapter's result when the block cache has every one of its blocks,
    /// or nil: nothing runs, so no worker process is needed for it.
    public func resultFromCache(path: String, displayPath: String) -> ChapterResult? {
        run(path: path, displayPath: displayPath, mode: .onlyFromCache)
    }

    private enum CacheMode {
        case usingCache
        /// Every block runs (and is stored again): a state that could not be
        /// restored sends the chapter back to its start this way.
        case notReading
        /// Blocks only from the cache: nil at the first block that would run.
        case onlyFromCache
    }

    private func run(path: String, displayPath: String, mode: CacheMode) -> ChapterResult? {
        let started = DispatchTime.now().uptimeNanoseconds
        let source = Self.read(path: path, displayPath: displayPath)
        let document = source.document
        let contents = source.contents
        let chapterDirectory = (path as NSString).deletingLastPathComponent
        let interpreter = Interpreter(
            file: displayPath, chapterDirectory: chapterDirectory,
            bookRoot: bookRoot, progress: progress, hashFile: cache.map { cache in { cache.hash(ofFile: $0) } })
        if let timeLimit {
            // At most 30 years: any larger limit (or infinity) would overflow the clock.
            interpreter.environment.deadline = started + UInt64(min(max(0, timeLimit), 1e9) * 1e9)
        }
        var timedOut = false
        var stopped = false
        var blocks: [BlockResult] = []
        // The block cache: the keys of the state so far (its values, and apart
        // from them the formula definitions, which only `check formula` reads
        // and writes), whether blocks may come from the cache, and the stored
        // state to continue from.
        var chain = cache?.startKey(file: displayPath, chapterDirectory: chapterDirectory, bookRoot: bookRoot)
        var definitionsKey: String?
        let reusing = mode != .notReading && cache != nil && contents != nil
        if mode == .onlyFromCache, !reusing { return nil }
        var continueFrom: (state: String, definitions: String?)?
        var cacheKeys: [String] = []
        var blocksRun = 0, blocksReused = 0
        for block in document.blocks {
            if case let .displayMath(math) = block { interpreter.displayMathAbove = math }
            guard case let .directive(directive) = block else {
                blocks.append(BlockResult())
                continue
            }
            let parsed = parseDirectives(
                directive.content, file: displayPath, firstLine: directive.contentLocation.line)
            let checksFormulas = parsed.statements.contains {
                if case .checkFormula = $0.kind { return true } else { return false }
            }
            let blockKey = chain.flatMap { cache?.blockKey(after: $0, block: directive) }
            // A block's results depend on the display math above it and on the
            // definitions so far only when it checks formulas.
            let key = blockKey.flatMap {
                cache?.resultKey($0, formulas: checksFormulas ? (definitionsKey, interpreter.displayMathAbove) : nil)
            }
            if let key { cacheKeys.append(key) }
            if reusing, let cache, let key {
                do {
                    if let entry = try cache.entry(key, file: displayPath) {
                        blocks.append(entry.result)
                        interpreter.adoptDataFiles(entry.dataFiles, hashes: entry.dataFileHashes)
                        chain = entry.stateKey
                        cacheKeys.append(entry.stateKey)
                        if checksFormulas {
                            definitionsKey = BlockCache.definitionsKey(
                                after: definitionsKey, state: entry.stateKey,
                                displayMath: interpreter.displayMathAbove)
                            cacheKeys.append(definitionsKey!)
                        }
                        continueFrom = (entry.stateKey, definitionsKey)
                        stopped = stopped || entry.stopped
                        blocksReused += 1
                        continue
                    }
                } catch {
                    if mode == .onlyFromCache { return nil }  // the worker that runs it says so
                    progress?(
                        .note(
                            file: displayPath,
                            message: "a cached block at line \(directive.contentLocation.line) "
                                + "was ignored (\(error)); it runs again"))
                }
                // A miss: this block runs. Later blocks may still come from the
                // cache (an edited formula changes nothing a training reads).
                if mode == .onlyFromCache { return nil }
            }
            if let stored = continueFrom, !stopped, let cache {
                continueFrom = nil
                do {
                    let (state, tensors) = try cache.state(stored.state, file: displayPath)
                    try state.restore(into: interpreter, tensors: tensors)
                    interpreter.formulaDefinitions = try cache.definitions(stored.definitions, file: displayPath)
                } catch {
                    progress?(
                        .note(
                            file: displayPath,
                            message: "the cached state before line \(directive.contentLocation.line) "
                                + "was ignored (\(error)); the chapter runs from its start"))
                    return run(path: path, displayPath: displayPath, mode: .notReading)
                }
            }
            if !stopped { blocksRun += 1 }
            let filesBefore = interpreter.dataFiles.count
            let result = runStatements(
                of: parsed, in: interpreter, source: source, stopped: &stopped, timedOut: &timedOut)
            blocks.append(result)
            if timedOut { chain = nil }  // a block cut short is not kept, nor anything after it
            if let cache, let key, let blockKey, chain != nil {
                let read = Array(interpreter.dataFiles[filesBefore...])
                let stateKey = BlockCache.stateKey(
                    blockKey, dataFiles: read, hashes: interpreter.dataFileHashes,
                    stopped: stopped)
                let entry = BlockCache.Entry(
                    tool: cache.toolIdentity, key: key, stateKey: stateKey, stopped: stopped,
                    dataFiles: read, dataFileHashes: interpreter.dataFileHashes.filter { read.contains($0.key) },
                    result: result)
                if checksFormulas {
                    definitionsKey = BlockCache.definitionsKey(
                        after: definitionsKey, state: stateKey,
                        displayMath: interpreter.displayMathAbove)
                    cacheKeys.append(definitionsKey!)
                }
                do {
                    try cache.store(
                        entry, state: stopped ? nil : interpreter,
                        definitions: checksFormulas ? definitionsKey : nil, file: displayPath)
                } catch {
                    progress?(
                        .note(
                            file: displayPath,
                            message: "the block at line \(directive.contentLocation.line) "
                                + "could not be cached (\(error))"))
                }
                chain = stateKey
                cacheKeys.append(stateKey)
            }
        }

        var result = Self.result(of: source, blocks: blocks, interpreter: interpreter)
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result.timedOut = timedOut
        result.blocksRun = blocksRun
        result.blocksReused = blocksReused
        result.cacheKeys = cache != nil && !timedOut ? cacheKeys : nil
        return result
    }

    /// The chapter file as read: its bytes (nil when it cannot be read), the
    /// document, the diagnostics of reading it, and its lines for the
    /// diagnostics the runner makes.
    private struct ChapterSource {
        var contents: Data?
        var document: ChapterDocument
        var diagnostics: [Diagnostic]
        var lines: [String]

        /// A diagnostic the runner makes, with the chapter line it points at.
        func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
            let line = lines.indices.contains(location.line - 1) ? lines[location.line - 1] : nil
            return Diagnostic(message, at: location, sourceLine: line)
        }
    }

    private static func read(path: String, displayPath: String) -> ChapterSource {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let problem = unreadable(path)
        guard problem == nil, let contents = FileManager.default.contents(atPath: path) else {
            return ChapterSource(
                document: ChapterDocument(file: displayPath, blocks: []),
                diagnostics: [Diagnostic(problem ?? "cannot read the chapter file", at: start)], lines: [])
        }
        let bytes = [UInt8](contents)
        let reading = ChapterReader.read(file: displayPath, contents: bytes)
        var source = ChapterSource(
            contents: contents, document: reading.document, diagnostics: reading.diagnostics,
            lines: ChapterReader.sourceLines(contents: bytes))
        // A byte-order mark alone is no more a chapter than no bytes at all.
        if (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
            .allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 })
        {
            // An empty file in a book is a mistake, not a chapter.
            source.diagnostics.append(source.diagnostic("the chapter is empty: nothing to read or run", at: start))
        }
        return source
    }

    /// Runs a block's statements in order until one fails (or the chapter has
    /// stopped already, or the block has a syntax error before the statement):
    /// those after it are marked not run.
    private func runStatements(
        of parsed: DirectiveBlock, in interpreter: Interpreter, source: ChapterSource,
        stopped: inout Bool, timedOut: inout Bool
    ) -> BlockResult {
        let displayPath = source.document.file
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
            progress?(
                .statement(
                    file: displayPath, line: statement.location.line, column: statement.location.column,
                    source: Self.firstLine(of: statement, in: source.lines)))
            do {
                let findings = try interpreter.execute(statement).map { $0.placed(at: statement.location.column) }
                result.statements.append(StatementResult(statement: statement, state: .ran, findings: findings))
            } catch let failure as StatementFailure {
                let failed = source.diagnostic(failure.error.message, at: failure.error.location)
                result.statements.append(
                    StatementResult(
                        statement: statement, state: .failed(failed),
                        findings: failure.findings.map { $0.placed(at: statement.location.column) }))
                stopped = true
            } catch is TimeLimitExceeded {
                timedOut = true
                let limit = timeLimit.map { String(format: "%g", $0) } ?? "?"
                let failed = source.diagnostic(
                    "the chapter ran past its time limit of \(limit) s while running this "
                        + "statement (--timeout sets the limit)", at: statement.location)
                result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                stopped = true
            } catch let error as RuntimeError {
                let failed = source.diagnostic(error.message, at: error.location)
                result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                stopped = true
            } catch {
                let failed = source.diagnostic("\(error)", at: statement.location)
                result.statements.append(StatementResult(statement: statement, state: .failed(failed)))
                stopped = true
            }
        }
        if firstError != nil { stopped = true }
        return result
    }

    /// The chapter's result from its blocks' results: every diagnostic in
    /// source order, the errata judged, the data files read.
    private static func result(of source: ChapterSource, blocks: [BlockResult], interpreter: Interpreter)
        -> ChapterResult
    {
        let document = source.document
        var diagnostics = source.diagnostics
        diagnostics += blocks.flatMap { $0.diagnostics }
        diagnostics += blocks.flatMap {
            $0.statements.compactMap { if case let .failed(d) = $0.state { return d } else { return nil } }
        }
        let errata = Errata.group(document, blocks)
        diagnostics += errata.problems.map { source.diagnostic($0.0, at: $0.1) }
        // Every diagnostic carries its line from where it was made: the
        // reader's and the parser's from their source, the runner's from `diagnostic`.
        diagnostics.sort { $0.location < $1.location }
        var result = ChapterResult(
            file: document.file, title: document.title, document: document,
            blocks: blocks, diagnostics: diagnostics)
        result.errata = errata.errata
        result.dataFiles = interpreter.dataFiles
        result.dataFileHashes = interpreter.dataFileHashes
        result.chapterHash = source.contents.map(ChapterCache.hash)
        return result
    }

    /// A statement's first line as written, for progress.
    private static func firstLine(of statement: Statement, in lines: [String]) -> String {
        let index = statement.location.line - 1
        guard lines.indices.contains(index) else { return "" }
        let line = lines[index]
        let start =
            line.index(line.startIndex, offsetBy: max(0, statement.location.column - 1), limitedBy: line.endIndex)
            ?? line.endIndex
        return String(line[start...]).trimmingCharacters(in: .whitespaces)
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
    public func abandoned(
        path: String, displayPath: String, at location: SourceLocation?,
        message: String, timedOut: Bool
    ) -> ChapterResult {
        let contents =
            location != nil && Self.unreadable(path) == nil ? FileManager.default.contents(atPath: path) : nil
        let bytes = contents.map { [UInt8]($0) } ?? []
        let reading = ChapterReader.read(file: displayPath, contents: bytes)
        let lines = ChapterReader.sourceLines(contents: bytes)
        let place = location ?? SourceLocation(file: displayPath, line: 1, column: 1)
        let sourceLine = lines.indices.contains(place.line - 1) ? lines[place.line - 1] : nil
        let failure = Diagnostic(message, at: place, sourceLine: sourceLine)
        var placed = false
        var blocks: [BlockResult] = []
        for block in reading.document.blocks {
            guard case let .directive(directive) = block else {
                blocks.append(BlockResult())
                continue
            }
            let parsed = parseDirectives(
                directive.content, file: displayPath, firstLine: directive.contentLocation.line)
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
        var diagnostics =
            reading.diagnostics + blocks.flatMap(\.diagnostics) + [failure]
            + errata.problems.map { Diagnostic($0.0, at: $0.1) }
        diagnostics.sort { $0.location < $1.location }
        var result = ChapterResult(
            file: displayPath, title: reading.document.title, document: reading.document,
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
