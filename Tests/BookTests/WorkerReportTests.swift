@testable import Book
import Runner
import XCTest

/// The lines a worker process reports on, read back as the book's process reads them.
final class WorkerReportTests: XCTestCase {
    private func readBack(_ report: WorkerReport) -> String? {
        let line = report.line
        XCTAssertTrue(line.hasSuffix("\n"))
        XCTAssertEqual(line.filter(\.isNewline).count, 1, "one report, one line")
        return WorkerReport(line: String(line.dropLast()), file: "book/01-a.md").map(describe)
    }

    private func describe(_ report: WorkerReport) -> String {
        switch report {
        case .drawing: return "drawing"
        case let .progress(.statement(file, line, column, source)):
            return "statement \(file) \(line):\(column) \(source)"
        case let .progress(.training(file, line, epoch, epochs, loss)):
            return "training \(file) \(line) \(epoch)/\(epochs) \(loss)"
        case let .progress(.note(file, message)): return "note \(file) \(message)"
        }
    }

    func testEveryReportIsReadBackAsItWasSent() {
        XCTAssertEqual(readBack(.drawing), "drawing")
        XCTAssertEqual(
            readBack(.progress(.statement(file: "x", line: 12, column: 3, source: "train  net, 10 epochs"))),
            "statement book/01-a.md 12:3 train  net, 10 epochs")
        XCTAssertEqual(
            readBack(.progress(.training(file: "x", line: 12, epoch: 4, epochs: 10, loss: 0.03125))),
            "training book/01-a.md 12 4/10 0.03125")
        XCTAssertEqual(
            readBack(.progress(.note(file: "x", message: "a damaged cache entry was ignored"))),
            "note book/01-a.md a damaged cache entry was ignored")
    }

    func testLineBreaksInTheTextBecomeSpaces() {
        XCTAssertEqual(
            readBack(.progress(.statement(file: "x", line: 1, column: 1, source: "let a = [1,\n2]"))),
            "statement book/01-a.md 1:1 let a = [1, 2]")
        XCTAssertEqual(readBack(.progress(.note(file: "x", message: "one\r\ntwo"))), "note book/01-a.md one two")
    }

    func testOtherLinesReportNothing() {
        for line in ["", "statement", "statement x 1 let", "training 1 2 3", "training 1 2 3 loss", "Fatal error: x"] {
            XCTAssertNil(WorkerReport(line: line, file: "f").map(describe), line)
        }
    }
}
