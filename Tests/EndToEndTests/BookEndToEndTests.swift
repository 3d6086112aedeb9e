import Foundation
import XCTest

/// A book, not a folder: Fixtures/course has a book file, a part in a
/// subfolder, an image, links between chapters, a README and a chapter in
/// Chinese; the run is judged by the pages and report it writes.
final class BookEndToEndTests: XCTestCase {
    var output: URL!

    override func setUpWithError() throws { output = try TutorProcess.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: output) }

    func run(_ arguments: [String], in directory: URL = TutorProcess.fixtures) throws -> TutorProcess {
        try TutorProcess.run(["run"] + arguments + ["--output", output.path, "--no-cache"], in: directory)
    }

    func page(_ name: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
    }

    func reportFiles() throws -> [String] {
        let data = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (report["chapters"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }

    func testTheBookFileOrdersTheChaptersAndNamesTheBook() throws {
        let process = try run(["course"])
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertEqual(
            try reportFiles(), ["course/01-line.md", "course/networks/02-step.md", "course/03-chinese.md"],
            "the book's order, the part from its subfolder, README.md not a chapter")
        let index = try page("index.html")
        XCTAssertTrue(
            index.contains("<title>A small course</title>") && index.contains("<h1>A small course</h1>"), index)
        XCTAssertTrue(index.contains("<p class=\"author\">A. Lecturer</p>"))
        XCTAssertTrue(
            index.contains(
                "<tr class=\"part\"><th colspan=\"8\">Networks</th></tr>\n<tr><td><a href=\"02-step.html\">"),
            "the part heads its chapters: \(index)")
        XCTAssertFalse(process.standardError.contains("warning"), process.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("README.html").path))
    }

    func testEachPageHasItsLanguage() throws {
        XCTAssertEqual(try run(["course"]).status, 0)
        XCTAssertTrue(try page("01-line.html").contains("<html lang=\"en\">"))
        XCTAssertTrue(try page("03-chinese.html").contains("<html lang=\"zh-Hans\">"), "the chapter's own language")
        XCTAssertTrue(try page("03-chinese.html").contains("<h1 id="), "the Chinese chapter is rendered")
        XCTAssertTrue(try page("03-chinese.html").contains("Noto Sans CJK SC"), "the stylesheet names a CJK font")
    }

    func testChapterLinksGoToPagesAndImagesAreCopied() throws {
        XCTAssertEqual(try run(["course"]).status, 0)
        let first = try page("01-line.html")
        XCTAssertTrue(first.contains("<a href=\"02-step.html#the-step\">a step</a>"), first)
        XCTAssertTrue(first.contains("<a href=\"03-chinese.html\">last one</a>"))
        XCTAssertTrue(first.contains("<img src=\"img/line.png\" alt=\"the data and the line\" />"))
        XCTAssertTrue(
            try page("02-step.html").contains("<a href=\"01-line.html\">the line</a>"), "a link out of a part")
        XCTAssertTrue(
            try page("02-step.md").contains("Back to [the line](01-line.md)."), "Markdown pages link to Markdown pages")
        let source = TutorProcess.fixtures.appendingPathComponent("course/img/line.png")
        XCTAssertEqual(
            try Data(contentsOf: output.appendingPathComponent("img/line.png")), try Data(contentsOf: source),
            "the image is copied beside the pages, byte for byte")
    }

    func testBooleansAreWrittenAsBooleans() throws {
        XCTAssertEqual(try run(["course"]).status, 0)
        let step = try page("02-step.html")
        XCTAssertTrue(step.contains("amsgrad: true"), step)
        XCTAssertTrue(try page("01-line.html").contains("nesterov: false"))
    }

    /// `./02-step.md`, `course/networks/02-step.md` and an absolute path give the same report and pages.
    func testOutputDoesNotDependOnHowAPathIsSpelled() throws {
        let course = TutorProcess.fixtures.appendingPathComponent("course")
        let spellings: [([String], URL)] = [
            (["course/networks/02-step.md"], TutorProcess.fixtures),
            (["./02-step.md"], course.appendingPathComponent("networks")),
            ([course.appendingPathComponent("networks/02-step.md").path], URL(fileURLWithPath: "/")),
            (["../course/networks/../networks/02-step.md"], course),
        ]
        var pages: [String] = []
        for (arguments, directory) in spellings {
            try? FileManager.default.removeItem(at: output)
            let process = try run(arguments, in: directory)
            XCTAssertEqual(process.status, 0, process.standardError)
            XCTAssertTrue(process.standardError.contains("course/networks/02-step.md  passed"), process.standardError)
            XCTAssertEqual(try reportFiles(), ["course/networks/02-step.md"], "\(arguments)")
            let written = try page("02-step.html") + page("index.html") + page("report.json") + page("02-step.md")
            XCTAssertFalse(written.contains(TutorProcess.fixtures.path), "no absolute path in the output: \(arguments)")
            pages.append(written)
        }
        XCTAssertEqual(Set(pages).count, 1, "every spelling writes the same bytes")
    }

    func testAChapterTheBookFileDoesNotListIsNamedAndNotRun() throws {
        let book = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: book) }
        let chapter = try String(
            contentsOf: TutorProcess.fixtures.appendingPathComponent("passing/01-line.md"), encoding: .utf8)
        try chapter.write(to: book.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        try chapter.write(to: book.appendingPathComponent("02-draft.md"), atomically: true, encoding: .utf8)
        try "chapters: [01-a.md]\n".write(
            to: book.appendingPathComponent("book.yml"), atomically: true, encoding: .utf8)
        let process = try run([book.path])
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertTrue(
            process.standardError.contains(
                "tutor: warning: \(book.lastPathComponent)/02-draft.md is not run: "
                    + "the book file does not list it"), process.standardError)
        XCTAssertEqual(try reportFiles(), ["\(book.lastPathComponent)/01-a.md"])
    }

    func testOnlyPicturesAreCopied() throws {
        let book = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: book) }
        try "# A\n\n![not a picture](02-b.md)\n\n![missing](img/none.png)\n"
            .write(to: book.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        try "# B\n".write(to: book.appendingPathComponent("02-b.md"), atomically: true, encoding: .utf8)
        let process = try run([book.path])
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertTrue(process.standardError.contains("'02-b.md' is not copied: only images"), process.standardError)
        XCTAssertTrue(
            process.standardError.contains("the image 'img/none.png' is not in the book's folder"),
            process.standardError)
        XCTAssertTrue(try page("02-b.md").hasPrefix("<!-- Written by tutor"), "the page is not replaced by its source")
    }

    func testADataFileErrorNamesTheFileInTheBook() throws {
        let book = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: book) }
        try "# A\n\n```tutor\ndata x = csv(\"missing.csv\")\n```\n"
            .write(to: book.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        let process = try run([book.path])
        XCTAssertEqual(process.status, 2)
        let report = try page("report.json")
        XCTAssertTrue(report.contains("\(book.lastPathComponent)/missing.csv: no such file"), report)
        XCTAssertFalse(report.contains(book.path), "no absolute path in the report")
        XCTAssertFalse(process.standardError.contains(book.path), process.standardError)
    }

    func testASubfolderOfABookWithoutABookFileIsSearched() throws {
        let book = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: book) }
        let chapter = try String(
            contentsOf: TutorProcess.fixtures.appendingPathComponent("passing/01-line.md"), encoding: .utf8)
        try FileManager.default.createDirectory(
            at: book.appendingPathComponent("b-part"), withIntermediateDirectories: true)
        try chapter.write(to: book.appendingPathComponent("a-first.md"), atomically: true, encoding: .utf8)
        try chapter.write(to: book.appendingPathComponent("b-part/c-second.md"), atomically: true, encoding: .utf8)
        try chapter.write(to: book.appendingPathComponent("d-third.md"), atomically: true, encoding: .utf8)
        try "# About\n".write(to: book.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "x,y\n1,2\n".write(to: book.appendingPathComponent("b-part/data.csv"), atomically: true, encoding: .utf8)
        let process = try run([book.path], in: book.deletingLastPathComponent())
        XCTAssertEqual(process.status, 0, process.standardError)
        let name = book.lastPathComponent
        XCTAssertEqual(
            try reportFiles(), ["\(name)/a-first.md", "\(name)/b-part/c-second.md", "\(name)/d-third.md"],
            "name order, the subfolder in its place; no README.md, no .csv")
    }

    func testANamedFileThatIsNotMarkdownIsRefused() throws {
        let process = try run(["course/img/line.png"])
        XCTAssertEqual(process.status, 64)
        XCTAssertTrue(
            process.standardError.contains(
                "'course/img/line.png' is not a chapter: a chapter is a Markdown file named *.md"),
            process.standardError)
        let readme = try run(["course/README.md"])
        XCTAssertEqual(readme.status, 64)
        XCTAssertTrue(
            readme.standardError.contains("is not a chapter of the book: course/book.yml does not list it"),
            readme.standardError)
    }

    func testAMistakeInTheBookFileIsLocatedAndRunsNothing() throws {
        let book = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: book) }
        try "# A\n".write(to: book.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        try "title: T\nchapters:\n  - file: 01-a.md\n    langauge: zh\n"
            .write(to: book.appendingPathComponent("book.yml"), atomically: true, encoding: .utf8)
        let process = try run([book.lastPathComponent], in: book.deletingLastPathComponent())
        XCTAssertEqual(process.status, 2)
        XCTAssertTrue(
            process.standardError.hasPrefix(
                "\(book.lastPathComponent)/book.yml:4:5: error: unknown setting "
                    + "'langauge' in a chapter; did you mean 'language'?\n    langauge: zh\n    ^\n"),
            process.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))

        try FileManager.default.createDirectory(at: book.appendingPathComponent("p"), withIntermediateDirectories: true)
        try "# B\n".write(to: book.appendingPathComponent("p/02-b.md"), atomically: true, encoding: .utf8)
        try "chapters:\n  - 01-a.md\n  - part: P\n    folder: p\n  - p/02-b.md\n"
            .write(to: book.appendingPathComponent("book.yml"), atomically: true, encoding: .utf8)
        let twice = try run([book.lastPathComponent], in: book.deletingLastPathComponent())
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(
            twice.standardError.hasPrefix(
                "\(book.lastPathComponent)/book.yml:5:5: error: '\(book.lastPathComponent)/p/02-b.md' "
                    + "is in the book twice"), twice.standardError)
    }

    /// The caret under an error in a Chinese line, and the summary's columns, count display width.
    func testCaretAndSummaryAreAlignedAfterChineseText() throws {
        let book = try TutorProcess.temporaryFolder().appendingPathComponent("课程")
        defer { try? FileManager.default.removeItem(at: book.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try "# 错误\n\n```tutor\nlet 损失 = 1 $ 2\nlet 权重 = f（1）\n```\n"
            .write(to: book.appendingPathComponent("01-错误.md"), atomically: true, encoding: .utf8)
        let process = try TutorProcess.run(["check", "课程"], in: book.deletingLastPathComponent())
        XCTAssertEqual(process.status, 2)
        XCTAssertTrue(
            process.standardError.contains(
                "课程/01-错误.md:4:12: error: unexpected character '$'\nlet 损失 = 1 $ 2\n             ^\n"),
            process.standardError)
        XCTAssertTrue(
            process.standardError.contains(
                "课程/01-错误.md:5:11: error: unexpected character '（' (fullwidth left "
                    + "parenthesis): directives are written in ASCII — use '('\nlet 权重 = f（1）\n            ^\n"),
            process.standardError)
        let table = process.standardError.split(separator: "\n").filter {
            $0.hasPrefix("chapter ") || ($0.hasPrefix("课程/") && $0.contains("  error  "))
        }
        XCTAssertEqual(table.count, 2, process.standardError)
        // The status column starts at the same display column in the heading and in the row.
        let headingColumn = columns(before: "status", in: String(table[0]))
        let rowColumn = columns(before: "error", in: String(table[1]))
        XCTAssertEqual(headingColumn, rowColumn, process.standardError)
    }

    private func columns(before word: String, in line: String) -> Int? {
        guard let range = line.range(of: word) else { return nil }
        return line[..<range.lowerBound].unicodeScalars.reduce(0) {
            $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 2 : 1)
        }
    }
}
