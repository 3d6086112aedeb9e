import Foundation
import Render
import Runner

/// A worker process's work: runs one chapter and writes its result in the cache's
/// binary form to a file, for the `ChapterWorker` that started it.
///
/// On standard output it reports each statement before running it and the
/// progress of training (`WorkerReport`), so that whatever stops this process
/// — a crash, memory that could not be allocated, a kill at the time limit —
/// is placed at the statement that was running.
public struct WorkerJob {
    public var chapter: String
    public var display: String
    public var bookRoot: String
    public var timeLimit: Double
    /// Where the result is written.
    public var resultFile: String
    /// The block cache the chapter runs with; without one every block runs.
    public var cache: BlockCache?
    /// Only when pages are to be written: `check` writes none, so nothing is drawn.
    public var drawsPages: Bool

    public init(
        chapter: String, display: String, bookRoot: String, timeLimit: Double, resultFile: String,
        cache: BlockCache?, drawsPages: Bool
    ) {
        self.chapter = chapter
        self.display = display
        self.bookRoot = bookRoot
        self.timeLimit = timeLimit
        self.resultFile = resultFile
        self.cache = cache
        self.drawsPages = drawsPages
    }

    /// Why a worker ends without a result.
    public enum Failure: Error {
        /// The chapter's thread gave no result.
        case noResult
        /// The result could not be written.
        case cannotWriteResult
    }

    /// The stack of the chapter's thread: evaluation recurses as deep as
    /// expressions nest (`Evaluation.maximumDepth`), which needs more than a
    /// default thread's stack.
    public static let stackBytes = 1 << 29

    public func run() throws {
        let output = ReportOutput()
        let runner = ChapterRunner(
            bookRoot: bookRoot, timeLimit: timeLimit, cache: cache,
            progress: { output.send(.progress($0)) })
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let thread = Thread { [chapter, display] in
            box.result = runner.run(path: chapter, displayPath: display)
            done.signal()
        }
        thread.stackSize = Self.stackBytes
        thread.start()
        done.wait()
        guard let value = box.result else { throw Failure.noResult }
        if drawsPages {
            // Drawn once here, thrown away: pages that cannot be drawn (a crash in a
            // renderer) stop this process, not the one that writes the book.
            output.send(.drawing)
            let prepared = PreparedChapter(value)
            _ = HTMLPage(prepared).render()
            _ = MarkdownPage(prepared).render()
        }
        let data = try value.record()
        let temporary = resultFile + ".part"
        guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, resultFile) == 0
        else {
            throw Failure.cannotWriteResult
        }
    }

    /// A chapter may take at most the machine's memory: past it, an allocation
    /// fails in this process (reported at the statement) instead of the
    /// machine swapping or the kernel killing another process. A lower limit
    /// already set (`ulimit`) is kept.
    public static func limitMemory() {
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

/// Reports as lines on standard output, whole lines only, from any thread.
private final class ReportOutput: @unchecked Sendable {
    private let lock = NSLock()

    func send(_ report: WorkerReport) {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(report.line.utf8))
    }
}
