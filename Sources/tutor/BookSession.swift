import ArgumentParser
import Foundation
import Runner

/// One invocation: finds the chapters, runs them, reports on the terminal.
struct BookSession {
    /// The chapter files as found, which is also how messages name them.
    let chapters: [String]
    let bookRoot: String
    /// The folders the chapters were taken from.
    let chapterFolders: [String]
    let console: Console
    let timeLimit: Double
    let jobs: Int

    init(options: BookOptions) throws {
        console = Console(quiet: options.quiet)
        timeLimit = options.timeout
        jobs = options.jobs
        let (found, roots) = try BookLayout.chapterFiles(in: options.paths)
        guard !found.isEmpty else { throw ValidationError("no chapters (*.md) in \(options.paths.joined(separator: ", "))") }
        chapters = found
        chapterFolders = roots
        let absolute = roots.map { URL(fileURLWithPath: $0.isEmpty ? "." : $0).standardizedFileURL.path }
        bookRoot = absolute.dropFirst().reduce(absolute[0]) { commonFolder($0, $1) }
    }

    /// Stops before anything runs when two chapters' pages would share a name,
    /// or a page would replace the index (printed as errors at the chapters).
    func checkNames() throws {
        let collisions = BookLayout.collisions(of: chapters)
        guard !collisions.isEmpty else { return }
        for problem in collisions { console.error("\(problem.file):1:1: error: \(problem.message)") }
        console.error("tutor: nothing was run or written")
        throw ExitCode(2)
    }

    /// Runs every chapter, each in a worker process of its own, up to `jobs`
    /// at once; results keep the book's order. `drawingPages` is false when no
    /// page is written (`check`), so the workers draw none.
    func run(cache: ChapterCache? = nil, drawingPages: Bool = true) -> BookResult {
        let worker = ChapterWorker(bookRoot: bookRoot, timeLimit: timeLimit,
                                   progress: { [console] event in console.show(event) }, drawsPages: drawingPages)
        let results = ResultSlots(count: chapters.count)
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, chapters.count) {
            group.enter()
            // Threads of their own: each waits on a worker, and --jobs may exceed the cores.
            Thread { [chapters, console] in
                defer { group.leave() }
                while let index = next.take(below: chapters.count) {
                    let chapter = chapters[index]
                    let result: ChapterResult
                    let started = DispatchTime.now().uptimeNanoseconds
                    if var cached = cache?.lookup(path: chapter, displayPath: chapter) {
                        console.reused(chapter)
                        cached.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                        result = cached
                    } else {
                        console.starting(chapter)
                        result = worker.run(path: chapter, displayPath: chapter)
                        cache?.store(result)
                    }
                    console.finished(result)
                    results.set(index, result)
                }
            }.start()
        }
        group.wait()
        let book = BookResult(chapters: results.all)
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

/// The deepest folder containing both.
private func commonFolder(_ a: String, _ b: String) -> String {
    let pa = a.split(separator: "/"), pb = b.split(separator: "/")
    let common = zip(pa, pb).prefix { $0 == $1 }.map { String($0.0) }
    return "/" + common.joined(separator: "/")
}
