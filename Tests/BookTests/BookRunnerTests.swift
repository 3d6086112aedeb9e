import Book
import Foundation
import Notation
import Runner
import XCTest

/// Running a book's chapters over worker processes, with stand-ins for the
/// worker: what becomes of a chapter whose worker stops without a result.
final class BookRunnerTests: XCTestCase {
    /// A worker that runs `script` with `sh`; the chapter's options follow as its arguments.
    private func shell(_ script: String) -> WorkerCommand {
        WorkerCommand(executable: "/bin/sh", arguments: ["-c", script, "worker"])
    }

    private func run(_ folder: BookFolder, worker: WorkerCommand, cacheFolder: String? = nil) throws -> (
        BookResult, [String]
    ) {
        let plan = try RunPlan(book: BookLayout.book(for: [folder.path]), paths: [folder.path], output: nil)
        let runner = BookRunner(
            plan: plan, timeLimit: 60, jobs: 2, cacheFolder: cacheFolder, drawsPages: false,
            worker: worker)
        let events = EventLog()
        let result = runner.run { events.add($0) }
        return (result, events.lines)
    }

    func testAWorkerThatEndsWithoutAResultIsAnErrorOfItsChapterAlone() throws {
        let folder = try BookFolder()
        for name in ["01-a.md", "02-b.md", "03-c.md"] { try folder.write(name, chapter(name)) }
        let (result, events) = try run(folder, worker: shell("exit 3"))
        XCTAssertEqual(result.chapters.map(\.file), ["book/01-a.md", "book/02-b.md", "book/03-c.md"])
        for chapter in result.chapters {
            XCTAssertEqual(chapter.status, .error)
            XCTAssertEqual(
                chapter.errors.map(\.message),
                ["the chapter's worker process ended with status 3 without a result while running this statement"])
        }
        XCTAssertEqual(
            events.sorted(),
            [
                "finished book/01-a.md", "finished book/02-b.md", "finished book/03-c.md",
                "started book/01-a.md", "started book/02-b.md", "started book/03-c.md",
            ])
    }

    func testACrashIsPlacedAtTheStatementTheWorkerReportedLast() throws {
        let folder = try BookFolder()
        try folder.write("01-a.md", chapter("A", "let x = 1\nlet y = 2"))
        // The block's second statement is on line 7 of the chapter.
        let (result, events) = try run(folder, worker: shell("echo 'statement 7 1 let y = 2'; kill -SEGV $$"))
        let chapter = try XCTUnwrap(result.chapters.first)
        XCTAssertEqual(chapter.errors.map(\.location), [SourceLocation(file: "book/01-a.md", line: 7, column: 1)])
        XCTAssertTrue(
            chapter.errors[0].message.hasPrefix(
                "the chapter's worker process stopped with signal 11 (a segmentation fault, such as a stack overflow)"),
            chapter.errors[0].message)
        XCTAssertEqual(events, ["started book/01-a.md", "statement book/01-a.md 7", "finished book/01-a.md"])
    }

    func testAChapterTheCacheHasWholeStartsNoWorker() throws {
        let folder = try BookFolder()
        try folder.write("01-prose.md", "# Prose\n\nNo block: the block cache has all of none.\n")
        let cache = folder.beside("cache")
        let failing = shell("exit 9")
        let (first, firstEvents) = try run(folder, worker: failing, cacheFolder: cache)
        XCTAssertEqual(first.chapters.map(\.status), [.passed])
        XCTAssertEqual(firstEvents, ["started book/01-prose.md", "finished book/01-prose.md"])
        let (second, secondEvents) = try run(folder, worker: failing, cacheFolder: cache)
        XCTAssertEqual(second.chapters.map(\.status), [.passed])
        XCTAssertEqual(secondEvents, ["finished book/01-prose.md from the cache"])
        // Without the cache the chapter goes to its worker.
        let (uncached, _) = try run(folder, worker: failing)
        XCTAssertEqual(uncached.chapters.map(\.status), [.error])
    }

    func testTheWorkerIsGivenTheChapterAndItsOptions() throws {
        let folder = try BookFolder()
        try folder.write("01-a.md", chapter("A"))
        let arguments = folder.beside("arguments")
        _ = try run(folder, worker: shell("printf '%s\\n' \"$@\" > '\(arguments)'; exit 1"))
        let given = try String(contentsOfFile: arguments, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(given.count, 6, "\(given)")
        XCTAssertEqual(
            Array(given.prefix(3)), ["--display=book/01-a.md", "--book-root=\(folder.path)", "--timeout=60.0"])
        XCTAssertTrue(given[3].hasPrefix("--result="), given[3])
        XCTAssertEqual(Array(given.suffix(2)), ["--", folder.path + "/01-a.md"])
    }
}

/// The events of a run as short lines, gathered from the chapters' threads.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [String] = []

    func add(_ event: BookEvent) {
        let line: String
        switch event {
        case let .started(chapter): line = "started \(chapter)"
        case let .progress(.statement(file, number, _, _)): line = "statement \(file) \(number)"
        case let .progress(.training(file, number, _, _, _)): line = "training \(file) \(number)"
        case let .progress(.note(file, _)): line = "note \(file)"
        case let .finished(result, fromCache): line = "finished \(result.file)" + (fromCache ? " from the cache" : "")
        }
        lock.lock(); defer { lock.unlock() }
        gathered.append(line)
    }

    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return gathered
    }
}
