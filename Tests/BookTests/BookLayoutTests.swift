import Book
import XCTest

/// Which files a book's chapters are, and in which order they run.
final class BookLayoutTests: XCTestCase {
    func testAFolderIsItsChaptersInNameOrderWithSubfoldersInPlace() throws {
        let book = try BookFolder()
        for name in [
            "02-b.md", "01-a.md", "03-part/04-d.md", "03-part/03-c.md", "05-e.md",
            "README.md", ".hidden.md", "notes.txt", ".drafts/06-f.md",
        ] {
            try book.write(name, chapter(name))
        }
        let found = try BookLayout.book(for: [book.path])
        let expected = ["book/01-a.md", "book/02-b.md", "book/03-part/03-c.md", "book/03-part/04-d.md", "book/05-e.md"]
        XCTAssertEqual(found.all.map(\.display), expected)
        XCTAssertEqual(found.selected.map(\.display), expected)
        XCTAssertEqual(found.selected.map(\.path), expected.map { book.parent + "/" + $0 })
        XCTAssertEqual(found.root, book.path)
        XCTAssertEqual(found.warnings, [])
    }

    func testChaptersNamedRunOnceInTheBooksOrder() throws {
        let book = try BookFolder()
        for name in ["01-a.md", "02-b.md", "03-c.md"] { try book.write(name, chapter(name)) }
        let found = try BookLayout.book(for: [book.path + "/03-c.md", book.path + "/01-a.md", book.path + "/./03-c.md"])
        XCTAssertEqual(found.selected.map(\.display), ["book/01-a.md", "book/03-c.md"])
        XCTAssertEqual(found.all.map(\.display), ["book/01-a.md", "book/02-b.md", "book/03-c.md"])
    }

    func testABookFileGivesTheOrderAndNamesWhatItLeavesOut() throws {
        let book = try BookFolder()
        for name in ["01-a.md", "02-b.md", "03-c.md"] { try book.write(name, chapter(name)) }
        try book.write("book.yml", "title: T\nchapters:\n  - 03-c.md\n  - 01-a.md\n")
        let found = try BookLayout.book(for: [book.path])
        XCTAssertEqual(found.selected.map(\.display), ["book/03-c.md", "book/01-a.md"])
        XCTAssertEqual(found.file?.title, "T")
        XCTAssertEqual(found.warnings, ["tutor: warning: book/02-b.md is not run: the book file does not list it"])
        XCTAssertThrowsError(try BookLayout.book(for: [book.path + "/02-b.md"])) { error in
            XCTAssertEqual(
                error as? BookError,
                .commandLine(
                    "'\(book.path)/02-b.md' is not a chapter of the book: book/book.yml does not list it"))
        }
    }

    func testAChapterTheBookFileListsThatIsMissingIsAnErrorAtItsLine() throws {
        let book = try BookFolder()
        try book.write("01-a.md", chapter("A"))
        try book.write("book.yml", "chapters:\n  - 01-a.md\n  - 02-gone.md\n")
        XCTAssertThrowsError(try BookLayout.book(for: [book.path])) { error in
            XCTAssertEqual(
                error as? BookError,
                .book([
                    "book/book.yml:3:5: error: no chapter '02-gone.md' in the book's folder (paths in the book file are relative to it)"
                ]))
        }
    }

    func testAPathThatIsNoChapterIsAMistakeOfTheCommandLine() throws {
        let book = try BookFolder()
        try book.write("notes.txt", "not a chapter")
        try book.write("README.md", "# About")
        XCTAssertThrowsError(try BookLayout.book(for: [book.path + "/missing"])) { error in
            XCTAssertEqual(error as? BookError, .commandLine("no such file or folder: \(book.path)/missing"))
        }
        XCTAssertThrowsError(try BookLayout.book(for: [book.path + "/notes.txt"])) { error in
            XCTAssertEqual(
                error as? BookError,
                .commandLine(
                    "'\(book.path)/notes.txt' is not a chapter: a chapter is a Markdown file named *.md"))
        }
        XCTAssertThrowsError(try BookLayout.book(for: [book.path + "/README.md"])) { error in
            guard case .commandLine = error as? BookError else { return XCTFail("\(error)") }
        }
    }
}
