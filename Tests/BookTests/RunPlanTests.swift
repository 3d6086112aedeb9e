import Book
import XCTest

/// What a run takes, decided before any chapter runs.
final class RunPlanTests: XCTestCase {
    func testAPlanTakesTheChaptersNamedWithAnOutputApart() throws {
        let book = try BookFolder()
        for name in ["01-a.md", "02-b.md"] { try book.write(name, chapter(name)) }
        let found = try BookLayout.book(for: [book.path + "/02-b.md"])
        let plan = try RunPlan(book: found, paths: [book.path + "/02-b.md"], output: book.beside("output"))
        XCTAssertEqual(plan.chapters.map(\.display), ["book/02-b.md"])
        XCTAssertEqual(plan.book.all.map(\.display), ["book/01-a.md", "book/02-b.md"])
    }

    func testNoChaptersIsAMistakeOfTheCommandLine() throws {
        let book = try BookFolder()
        try book.write("README.md", "# About")
        let found = try BookLayout.book(for: [book.path])
        XCTAssertThrowsError(try RunPlan(book: found, paths: ["given/"], output: nil)) { error in
            XCTAssertEqual(error as? BookError, .commandLine("no chapters (*.md) in given/"))
        }
    }

    func testAnOutputFolderAmongTheSourcesIsRefused() throws {
        let book = try BookFolder()
        try book.write("01-a.md", chapter("A"))
        let found = try BookLayout.book(for: [book.path])
        for (output, why) in [
            (book.path, "is the folder of chapters"), (book.path + "/out", "lies inside the folder of chapters"),
            (book.parent, "contains the folder of chapters"),
        ] {
            XCTAssertThrowsError(try RunPlan(book: found, paths: [book.path], output: output)) { error in
                XCTAssertEqual(
                    error as? BookError,
                    .commandLine(
                        "the output folder '\(output)' \(why) '\(book.path)': choose another with --output (the default is output/)"
                    ))
            }
        }
        // Nothing is written by `check`: no output folder to refuse.
        XCTAssertNoThrow(try RunPlan(book: found, paths: [book.path], output: nil))
    }

    func testChaptersWhosePagesWouldShareANameRunNothing() throws {
        let book = try BookFolder()
        try book.write("a/01-x.md", chapter("A"))
        try book.write("b/01-x.md", chapter("B"))
        try book.write("index.md", chapter("Index"))
        let found = try BookLayout.book(for: [book.path])
        XCTAssertThrowsError(try RunPlan(book: found, paths: [book.path], output: nil)) { error in
            XCTAssertEqual(
                error as? BookError,
                .book([
                    "book/b/01-x.md:1:1: error: its output '01-x.html' is also an output of book/a/01-x.md; rename one of the two",
                    "book/index.md:1:1: error: its page 'index.html' would replace the book's index; rename the chapter",
                ]))
            XCTAssertEqual((error as? BookError)?.messages.last, "tutor: nothing was run or written")
        }
    }
}
