import Foundation
import Notation
import Runner

/// Runs one chapter in a worker process (`WorkerCommand`) and turns whatever
/// happens to it into the chapter's result: the result it wrote, or — when
/// the process crashed, could not allocate memory, or ran past the time limit
/// and was killed — an error at the statement it was running. The other
/// chapters of the book are not affected.
struct ChapterWorker {
    /// What starts the worker process.
    let command: WorkerCommand
    let bookRoot: String
    let timeLimit: Double
    /// The block cache the worker reads and writes, if any.
    let cache: BlockCache?
    let progress: @Sendable (ProgressEvent) -> Void
    /// Whether the worker draws the chapter's pages once, to catch a renderer
    /// that cannot draw them: only when they are to be written.
    var drawsPages = true

    /// After the limit, the worker stops itself at the next evaluation step;
    /// one that is inside a long operation (a large matrix product) is killed
    /// this much later.
    static let killGrace = 1.0

    func run(path: String, displayPath: String) -> ChapterResult {
        let started = DispatchTime.now().uptimeNanoseconds
        var result = supervise(path: path, displayPath: displayPath)
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return result
    }

    private func supervise(path: String, displayPath: String) -> ChapterResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tutor-worker-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = ChapterRunner(bookRoot: bookRoot, timeLimit: timeLimit)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return runner.abandoned(
                path: path, displayPath: displayPath, at: nil,
                message: "cannot make a temporary folder for the chapter's worker process: \(error)",
                timedOut: false)
        }
        let resultFile = folder.appendingPathComponent("result")
        let errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        // `--name=value` and `--` keep a name that starts with "-" from reading as an option.
        process.arguments =
            command.arguments + [
                "--display=\(displayPath)", "--book-root=\(bookRoot)",
                "--timeout=\(timeLimit)", "--result=\(resultFile.path)",
            ]
            + (cache.map { ["--cache=\($0.directory)", "--tool=\($0.toolIdentity)"] } ?? [])
            + (drawsPages ? ["--draw-pages"] : []) + ["--", path]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash is reported here, at once
        process.environment = environment
        let events = Pipe()
        process.standardOutput = events
        process.standardError = FileHandle(forWritingAtPath: errorFile.path)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return runner.abandoned(
                path: path, displayPath: displayPath, at: nil,
                message: "cannot start the chapter's worker process: \(error)", timedOut: false)
        }
        let killed = KillSwitch()
        let deadline = DispatchTime.now() + timeLimit + Self.killGrace
        DispatchQueue.global().asyncAfter(deadline: deadline) { [pid = process.processIdentifier] in
            killed.fire(pid)
        }

        // Events until the worker closes its output (it exited or was killed).
        var running: SourceLocation?
        var drawing = false
        var pending = Data()
        let reader = events.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0a) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                switch WorkerReport(line: line, file: displayPath) {
                case .drawing:
                    drawing = true
                case let .progress(event):
                    if case let .statement(_, l, c, _) = event {
                        running = SourceLocation(file: displayPath, line: l, column: c)
                    }
                    progress(event)
                case nil:
                    break
                }
            }
        }
        process.waitUntilExit()
        killed.disarm()

        if process.terminationReason == .exit, process.terminationStatus == 0,
            let data = FileManager.default.contents(atPath: resultFile.path),
            let result = try? ChapterResult(record: data), result.isWhole
        {
            return result
        }
        let message: String
        var timedOut = false
        if killed.hasFired {
            timedOut = true
            message =
                "the chapter ran past its time limit of \(String(format: "%g", timeLimit)) s while running this "
                + "statement and was stopped (--timeout sets the limit)"
        } else if drawing {
            // The chapter ran but its pages cannot be drawn: drawing them here
            // would stop the whole book, so the page shows this error alone.
            message =
                "the chapter ran, but drawing its pages stopped the worker process with signal "
                + "\(process.terminationStatus) (\(Self.signalName(process.terminationStatus)))"
                + Self.lastLine(of: errorFile)
                + "; its pages show this error only"
            running = nil
        } else if process.terminationReason == .uncaughtSignal {
            message =
                "the chapter's worker process stopped with signal \(process.terminationStatus) "
                + "(\(Self.signalName(process.terminationStatus))) while running this statement"
                + Self.lastLine(of: errorFile) + "; the results of the statements before it are lost"
        } else {
            message =
                "the chapter's worker process ended with status \(process.terminationStatus) without a result"
                + " while running this statement" + Self.lastLine(of: errorFile)
        }
        return runner.abandoned(path: path, displayPath: displayPath, at: running, message: message, timedOut: timedOut)
    }

    /// `: Fatal error: …`, the runtime's reason as the worker wrote it on
    /// standard error (the stack trace after it is left out), if any.
    private static func lastLine(of file: URL) -> String {
        let text = String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
        guard let reason = text.split(separator: "\n").first(where: { $0.contains("Fatal error") }) else { return "" }
        return ": " + String(reason.trimmingCharacters(in: .whitespaces).prefix(300))
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "a segmentation fault, such as a stack overflow"
        case SIGILL, SIGTRAP: return "a fatal error, such as memory that could not be allocated"
        case SIGABRT: return "aborted, for example on memory that could not be allocated"
        case SIGBUS: return "a bus error"
        case SIGFPE: return "an arithmetic fault"
        case SIGKILL: return "killed, perhaps for using too much memory"
        default: return "signal \(signal)"
        }
    }
}

/// Kills a worker once, unless disarmed first (after the worker exited, its
/// process id may belong to another process).
private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    private var fired = false

    var hasFired: Bool {
        lock.lock(); defer { lock.unlock() }
        return fired
    }

    func fire(_ pid: Int32) {
        lock.lock(); defer { lock.unlock() }
        guard armed else { return }
        fired = true
        kill(pid, SIGKILL)
    }

    func disarm() {
        lock.lock(); defer { lock.unlock() }
        armed = false
    }
}
