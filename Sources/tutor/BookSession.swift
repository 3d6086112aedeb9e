import ArgumentParser
import Foundation
import Runner

/// One invocation: finds the chapters, runs them, reports on the terminal.
struct BookSession {
    /// The book, and the chapters this run takes from it.
    let book: Book
    var chapters: [BookChapter] { book.selected }
    var bookRoot: String { book.root }
    /// Where results are kept between runs unless `--cache` says otherwise: in the book's folder.
    var defaultCacheFolder: String { (bookRoot as NSString).appendingPathComponent(".tutor-cache") }
    let console: Console
    let timeLimit: Double
    let jobs: Int

    init(options: BookOptions) throws {
        console = Console(quiet: options.quiet)
        timeLimit = options.timeLimit
        jobs = options.chapterJobs
        do {
            book = try BookLayout.book(for: options.paths)
        } catch let error as BookError {
            console.error(error.message)
            console.error("tutor: nothing was run or written")
            throw ExitCode(2)
        }
        for file in book.unlisted {
            console.error("tutor: warning: \(file) is not run: the book file does not list it")
        }
        guard !book.selected.isEmpty else { throw ValidationError("no chapters (*.md) in \(options.paths.joined(separator: ", "))") }
    }

    /// Stops before anything runs when two chapters' pages would share a name,
    /// or a page would replace the index (printed as errors at the chapters).
    func checkNames() throws {
        let collisions = BookLayout.collisions(of: chapters.map(\.display))
        guard !collisions.isEmpty else { return }
        for problem in collisions { console.error("\(problem.file):1:1: error: \(problem.message)") }
        console.error("tutor: nothing was run or written")
        throw ExitCode(2)
    }

    /// Runs every chapter, each in a worker process of its own, up to `jobs`
    /// at once; results keep the book's order. With a cache, unchanged
    /// chapters are not run, changed ones run from their first changed block,
    /// and the cache is pruned afterwards. `drawingPages` is false when no page
    /// is written (`check`), so the workers draw none.
    func run(cache: ChapterCache? = nil, drawingPages: Bool = true) -> BookResult {
        let blocks = cache.map { BlockCache(directory: $0.directory, toolIdentity: $0.toolIdentity) }
        let worker = ChapterWorker(bookRoot: bookRoot, timeLimit: timeLimit, cache: blocks,
                                   progress: { [console] event in console.show(event) }, drawsPages: drawingPages)
        let results = ResultSlots(count: chapters.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, chapters.count) {
            group.enter()
            // Threads of their own: each waits on a worker, and --jobs may exceed the cores.
            let thread = Thread { [chapters, console, bookRoot] in
                defer { group.leave() }
                while let index = next.take(below: chapters.count) {
                    let chapter = chapters[index]
                    let result: ChapterResult
                    let started = DispatchTime.now().uptimeNanoseconds
                    if var cached = cache?.lookup(path: chapter.path, displayPath: chapter.display) {
                        cached.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                        result = cached
                        console.finished(result, fromCache: true)
                    } else {
                        console.starting(chapter.display)
                        if var reused = blocks.flatMap({ ChapterRunner(bookRoot: bookRoot, cache: $0)
                                .resultFromCache(path: chapter.path, displayPath: chapter.display) }) {
                            // Every block from the cache: nothing runs, so no worker is needed.
                            reused.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                            result = reused
                        } else {
                            result = worker.run(path: chapter.path, displayPath: chapter.display)
                        }
                        cache?.store(result)
                        console.finished(result, fromCache: false)
                    }
                    results.set(index, result)
                }
            }
            // Reading a chapter from the block cache parses it here, which
            // recurses as deep as its expressions nest, as in a worker.
            thread.stackSize = Worker.stackBytes
            thread.start()
        }
        group.wait()
        let book = BookResult(chapters: results.all)
        if let blocks { CachePruning(cache: blocks).prune(after: book.chapters) }
        console.summary(book)
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
