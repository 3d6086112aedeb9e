import ArgumentParser
import Autodiff
import Foundation
import Runner

/// One invocation: finds the chapters, runs them, reports on the terminal.
struct BookSession {
    /// The chapter files as found, which is also how messages name them.
    let chapters: [String]
    let bookRoot: String
    let console: Console
    let timeLimit: Double
    let jobs: Int

    init(options: BookOptions) throws {
        // Before any chapter thread does tensor or BLAS work.
        tuneProcessForTraining()
        console = Console(quiet: options.quiet)
        timeLimit = options.timeout
        jobs = options.jobs
        var found: [String] = []
        var roots: [String] = []
        for path in options.paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                found += markdown.map { (path as NSString).appendingPathComponent($0) }
                roots.append(path)
            } else {
                found.append(path)
                roots.append((path as NSString).deletingLastPathComponent)
            }
        }
        guard !found.isEmpty else { throw ValidationError("no chapters (*.md) in \(options.paths.joined(separator: ", "))") }
        chapters = found
        let absolute = roots.map { URL(fileURLWithPath: $0.isEmpty ? "." : $0).standardizedFileURL.path }
        bookRoot = absolute.dropFirst().reduce(absolute[0]) { commonFolder($0, $1) }
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
