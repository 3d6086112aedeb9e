import ArgumentParser
import Autodiff
import Foundation
import Render
import Runner

/// `tutor worker`: runs one chapter in a process of its own and writes its
/// result in the cache's binary form to a file; started by `run` and `check`, never by hand.
///
/// On standard output it reports each statement before running it and the
/// progress of training, one event a line (`ChapterWorker` reads them), so that
/// whatever stops this process — a crash, memory that could not be allocated,
/// a kill at the time limit — is placed at the statement that was running.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs one chapter for run and check (internal).", shouldDisplay: false)

    @Argument var chapter: String
    @Option var display: String
    @Option var bookRoot: String
    @Option var timeout: Double
    @Option var result: String
    /// The block cache's folder and the tool's identity; without them every block runs.
    @Option var cache: String?
    @Option var tool: String?
    /// Given by `run`, which writes pages; `check` writes none, so nothing is drawn.
    @Flag var drawPages = false

    /// The stack of the chapter's thread: evaluation recurses as deep as
    /// expressions nest (`Evaluation.maximumDepth`), which needs more than a
    /// default thread's stack.
    static let stackBytes = 1 << 29

    func run() throws {
        Self.limitMemory()
        tuneProcessForTraining()
        let output = WorkerOutput()
        let blocks = cache.flatMap { folder in tool.map { BlockCache(directory: folder, toolIdentity: $0) } }
        let runner = ChapterRunner(bookRoot: bookRoot, timeLimit: timeout, cache: blocks, progress: { output.send($0) })
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let thread = Thread { [chapter, display] in
            box.result = runner.run(path: chapter, displayPath: display)
            done.signal()
        }
        thread.stackSize = Self.stackBytes
        thread.start()
        done.wait()
        guard let value = box.result else { throw ExitCode(70) }
        if drawPages {
            // Drawn once here, thrown away: pages that cannot be drawn (a crash in a
            // renderer) stop this process, not the one that writes the book.
            output.drawing()
            let prepared = PreparedChapter(value)
            _ = HTMLPage(prepared).render()
            _ = MarkdownPage(prepared).render()
        }
        let data = try value.record()
        let temporary = result + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, result) == 0 else {
            throw ExitCode(73)
        }
    }
}

extension Worker {
    /// A chapter may take at most the machine's memory: past it, an allocation
    /// fails in this process (reported at the statement) instead of the
    /// machine swapping or the kernel killing another process. A lower limit
    /// already set (`ulimit`) is kept.
    static func limitMemory() {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return }
        // The chapter thread's stack is reserved from the same allowance.
        let bytes = rlim_t(pages) * rlim_t(pageSize) + rlim_t(stackBytes)
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_DATA.rawValue), &limit) == 0, limit.rlim_cur > bytes else { return }
        limit.rlim_cur = bytes
        setrlimit(Int32(RLIMIT_DATA.rawValue), &limit)
    }
}

private final class ResultBox: @unchecked Sendable {
    var result: ChapterResult?
}

/// Progress events as lines on standard output: `statement LINE COLUMN SOURCE`,
/// `training LINE EPOCH EPOCHS LOSS`, `note MESSAGE`, and `drawing` once the
/// chapter ran. Line breaks in the text are replaced by spaces.
final class WorkerOutput: @unchecked Sendable {
    private let lock = NSLock()

    func drawing() {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardOutput.write(Data("drawing\n".utf8))
    }

    func send(_ event: ProgressEvent) {
        let line: String
        switch event {
        case let .statement(_, line: number, column: column, source):
            line = "statement \(number) \(column) \(Self.oneLine(source))\n"
        case let .note(_, message): line = "note \(Self.oneLine(message))\n"
        case let .training(_, line: number, epoch, epochs, loss): line = "training \(number) \(epoch) \(epochs) \(loss)\n"
        }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
