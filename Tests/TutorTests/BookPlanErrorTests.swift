import ArgumentParser
import Foundation
@testable import tutor
import XCTest

/// How `run` and `check` end when the book cannot run: a mistake on the
/// command line is a usage error (64), a mistake in the book is printed at
/// its place and ends with status 2.
final class BookPlanErrorTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-plan-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("book"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The plan of `paths`, or the error it ended with, and what was printed.
    private func plan(_ paths: [String], output: String? = nil) throws -> (Error?, [String]) {
        let printed = PrintedLines()
        let console = Console(quiet: false, isTerminal: false, output: { printed.add($0) })
        let options = try BookOptions.parse(paths)
        do {
            _ = try options.plan(output: output, console: console)
            return (nil, printed.lines)
        } catch {
            return (error, printed.lines)
        }
    }

    func testAPathThatIsNoBookIsAUsageError() throws {
        let missing = folder.appendingPathComponent("missing").path
        let (error, printed) = try plan([missing])
        XCTAssertEqual((error as? ValidationError)?.message, "no such file or folder: \(missing)")
        XCTAssertEqual(Tutor.exitCode(for: try XCTUnwrap(error)).rawValue, 64)
        XCTAssertEqual(printed, [])
    }

    func testAMistakeInTheBookFileIsPrintedAndEndsWithStatus2() throws {
        try write("book/01-a.md", "# A\n")
        try write("book/book.yml", "chapters:\n  - 01-a.md\n  - 01-a.md\n")
        let (error, printed) = try plan([folder.appendingPathComponent("book").path])
        XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        XCTAssertEqual(
            printed,
            [
                "book/book.yml:3:5: error: 'book/01-a.md' is in the book twice (listed twice, or also in a part's folder); "
                    + "a chapter is in a book once\n",
                "tutor: nothing was run or written\n",
            ])
    }

    func testTheBookFilesWarningsArePrintedBeforeThePlan() throws {
        try write("book/01-a.md", "# A\n")
        try write("book/02-b.md", "# B\n")
        try write("book/book.yml", "chapters:\n  - 01-a.md\n")
        let (error, printed) = try plan([folder.appendingPathComponent("book").path])
        XCTAssertNil(error)
        XCTAssertEqual(printed, ["tutor: warning: book/02-b.md is not run: the book file does not list it\n"])
    }
}

/// What a console printed, gathered from any thread.
private final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [String] = []

    func add(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        gathered.append(text)
    }

    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return gathered
    }
}
