import Foundation
import Runner

/// Runs a book's chapters: each in a worker process of its own, up to `jobs`
/// at once, through the cache when there is one, and says what happens as
/// `BookEvent`s; the results keep the book's order.
public struct BookRunner: Sendable {
    public let plan: RunPlan
    /// Seconds a chapter may run.
    public var timeLimit: Double
    /// Chapters run at once.
    public var jobs: Int
    /// Where results are kept between runs; nil runs every block and keeps nothing.
    public var cacheFolder: String?
    /// Whether pages will be written; when not (`check`), the workers draw none.
    public var drawsPages: Bool
    /// What starts a worker process.
    public var worker: WorkerCommand

    public init(
        plan: RunPlan, timeLimit: Double, jobs: Int, cacheFolder: String?, drawsPages: Bool,
        worker: WorkerCommand
    ) {
        self.plan = plan
        self.timeLimit = timeLimit
        self.jobs = jobs
        self.cacheFolder = cacheFolder
        self.drawsPages = drawsPages
        self.worker = worker
    }

    /// Runs every chapter; `report` hears of each from the thread that runs it.
    /// With a cache, unchanged chapters are not run, changed ones run from
    /// their first changed block, and the cache is pruned afterwards.
    public func run(report: @escaping @Sendable (BookEvent) -> Void) -> BookResult {
        let chapters = plan.chapters, bookRoot = plan.book.root
        let cache = cacheFolder.map { ChapterCache(directory: $0) }
        let blocks = cache.map { BlockCache(directory: $0.directory, toolIdentity: $0.toolIdentity) }
        let worker = ChapterWorker(
            command: worker, bookRoot: bookRoot, timeLimit: timeLimit, cache: blocks,
            progress: { report(.progress($0)) }, drawsPages: drawsPages)
        let results = ResultSlots(count: chapters.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, chapters.count) {
            group.enter()
            // Threads of their own: each waits on a worker, and --jobs may exceed the cores.
            let thread = Thread {
                defer { group.leave() }
                while let index = next.take(below: chapters.count) {
                    let chapter = chapters[index]
                    let result: ChapterResult
                    let started = DispatchTime.now().uptimeNanoseconds
                    if var cached = cache?.lookup(path: chapter.path, displayPath: chapter.display) {
                        cached.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                        result = cached
                        report(.finished(result, fromCache: true))
                    } else {
                        report(.started(chapter: chapter.display))
                        if var reused = blocks.flatMap({
                            ChapterRunner(bookRoot: bookRoot, cache: $0)
                                .resultFromCache(path: chapter.path, displayPath: chapter.display)
                        }) {
                            // Every block from the cache: nothing runs, so no worker is needed.
                            reused.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                            result = reused
                        } else {
                            result = worker.run(path: chapter.path, displayPath: chapter.display)
                        }
                        cache?.store(result)
                        report(.finished(result, fromCache: false))
                    }
                    results.set(index, result)
                }
            }
            // Reading a chapter from the block cache parses it here, which
            // recurses as deep as its expressions nest, as in a worker.
            thread.stackSize = WorkerJob.stackBytes
            thread.start()
        }
        group.wait()
        let book = BookResult(chapters: results.all)
        if let blocks { CachePruning(cache: blocks).prune(after: book.chapters) }
        return book
    }
}

/// The next chapter to run, handed out once each.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}

/// One slot per chapter, filled from several threads.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ChapterResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: ChapterResult) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    var all: [ChapterResult] { slots.map { $0! } }
}
