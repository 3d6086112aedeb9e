import ArgumentParser
import Autodiff
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
        // Before any chapter thread does tensor or BLAS work.
        tuneProcessForTraining()
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

    /// Runs every chapter, up to `jobs` at once; results keep the book's order.
    func run(cache: ChapterCache? = nil) -> BookResult {
        let runner = ChapterRunner(bookRoot: bookRoot, timeLimit: timeLimit,
                                   progress: { [console] event in console.show(event) })
        let results = ResultSlots(count: chapters.count)
        let gate = DispatchSemaphore(value: jobs)
        DispatchQueue.concurrentPerform(iterations: chapters.count) { index in
            gate.wait()
            defer { gate.signal() }
            let chapter = chapters[index]
            let result: ChapterResult
            let started = DispatchTime.now().uptimeNanoseconds
            if var cached = cache?.lookup(path: chapter, displayPath: chapter) {
                console.reused(chapter)
                cached.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                result = cached
            } else {
                console.starting(chapter)
                result = runner.run(path: chapter, displayPath: chapter)
                cache?.store(result)
            }
            console.finished(result)
            results.set(index, result)
        }
        let book = BookResult(chapters: results.all)
        console.summary(book)
        return book
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
