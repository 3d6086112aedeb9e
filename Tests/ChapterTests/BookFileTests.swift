import Chapter
import Notation
import XCTest

/// `book.yml`: what it says, and every mistake in it located with a reason.
final class BookFileTests: XCTestCase {
    func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let book = try BookFile.parse(text, file: "book.yml")
            XCTFail("parsed as \(book)", file: file, line: line)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func testTitleAuthorLanguageAndChaptersInParts() throws {
        let book = try BookFile.parse(
            """
            title: Backpropagation, checked
            author: A. Lecturer
            language: en
            chapters:
              - 01-intro.md
              - part: Networks
                folder: networks
                chapters: [02-xor.md, ./03-deep.md]
              - part: Appendix
                folder: appendix/
              - file: 04-chinese.md
                language: zh-Hans
            """, file: "book.yml")
        XCTAssertEqual(book.title, "Backpropagation, checked")
        XCTAssertEqual(book.author, "A. Lecturer")
        XCTAssertEqual(book.language, "en")
        let chapters = try XCTUnwrap(book.chapters)
        XCTAssertEqual(
            chapters.map(\.path),
            ["01-intro.md", "networks/02-xor.md", "networks/03-deep.md", "appendix", "04-chinese.md"])
        XCTAssertEqual(chapters.map(\.part), [nil, "Networks", "Networks", "Appendix", nil])
        XCTAssertEqual(
            chapters.map(\.partFolder), [nil, nil, nil, "appendix", nil], "a part without a list takes its folder")
        XCTAssertEqual(chapters.map(\.language), [nil, nil, nil, nil, "zh-Hans"])
        XCTAssertEqual(chapters[0].location, SourceLocation(file: "book.yml", line: 5, column: 5))
    }

    func testAnEmptyFileOrOneWithoutChaptersListsNone() throws {
        XCTAssertEqual(try BookFile.parse("", file: "book.yml"), BookFile())
        XCTAssertNil(try BookFile.parse("title: T\n", file: "book.yml").chapters)
    }

    func testUnknownKeysAreRefusedWithTheNearestName() {
        let top = parseError("title: T\nauthr: A\n")
        XCTAssertEqual(
            top?.description, "book.yml:2:1: error: unknown setting 'authr' in the book file; did you mean 'author'?")
        XCTAssertEqual(top?.rendered.hasSuffix("authr: A\n^"), true, top?.rendered ?? "")
        XCTAssertEqual(
            parseError("chapters:\n  - file: a.md\n    langage: de\n")?.description,
            "book.yml:3:5: error: unknown setting 'langage' in a chapter; did you mean 'language'?")
        XCTAssertEqual(
            parseError("chapters:\n  - part: P\n    folder: p\n    colour: red\n")?.message,
            "unknown setting 'colour' in a part; a part takes `part`, `folder`, `chapters`, `language`")
    }

    func testEveryLineEndingQuotesTheSameLine() {
        for ending in ["\n", "\r\n", "\r"] {
            let top = parseError(["title: T", "authr: A", ""].joined(separator: ending))
            XCTAssertEqual(top?.location, SourceLocation(file: "book.yml", line: 2, column: 1), ending.debugDescription)
            XCTAssertEqual(top?.sourceLine, "authr: A", ending.debugDescription)
        }
    }

    func testYAMLErrorsAreLocated() {
        let error = parseError("title: [T\nchapters: 1\n")
        XCTAssertEqual(error?.location, SourceLocation(file: "book.yml", line: 2, column: 9), error?.message ?? "")
        XCTAssertEqual(
            parseError("title: A\ntitle: B\n")?.message,
            "the setting 'title' is given twice in one list of settings; keep one")
    }

    func testValuesOfTheWrongKindAreRefused() {
        XCTAssertEqual(
            parseError("- a.md\n")?.description,
            "book.yml:1:1: error: the book file is a list of settings (`title: …`, `chapters: …`), not a list")
        XCTAssertEqual(
            parseError("chapters: a.md\n")?.description,
            "book.yml:1:11: error: `chapters` is a list of chapter files (`- 01-intro.md`), not a single value")
        XCTAssertEqual(parseError("title: [a, b]\n")?.message, "title is text, not a list")
        XCTAssertEqual(
            parseError("language: english language\n")?.message,
            "'english language' is not a language tag: write one such as en, de, zh or zh-Hans")
    }

    func testChapterPathsStayInsideTheBookAndAreMarkdown() {
        XCTAssertEqual(
            parseError("chapters:\n  - ../other/01.md\n")?.description,
            "book.yml:2:5: error: '../other/01.md' leaves the book's folder")
        XCTAssertEqual(
            parseError("chapters:\n  - /etc/01.md\n")?.message,
            "a chapter is named by a path relative to the book's folder, not '/etc/01.md'")
        XCTAssertEqual(
            parseError("chapters:\n  - data.csv\n")?.message,
            "'data.csv' is not a chapter: a chapter is a Markdown file named *.md")
        XCTAssertEqual(
            parseError("chapters:\n  - part: P\n    folder: p\n    chapters: [../../x.md]\n")?.message,
            "'../../x.md' leaves the book's folder")
        XCTAssertEqual(
            parseError("chapters:\n  - part: P\n")?.message,
            "the part 'P' needs `folder:`, the subfolder that holds its chapters")
        XCTAssertEqual(
            parseError("chapters:\n  - part: P\n    folder: p\n    chapters:\n      - part: Q\n        folder: q\n")?
                .message,
            "a part cannot hold another part: list its chapters as files")
    }
}
