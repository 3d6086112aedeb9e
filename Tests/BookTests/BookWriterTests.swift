import Book
import Runner
import XCTest

/// The output folder: written whole, or left as it was.
final class BookWriterTests: XCTestCase {
    /// The book's chapters run in this process (prose and a `let` need no worker).
    private func result(of book: Book) -> BookResult {
        BookResult(
            chapters: book.selected.map {
                ChapterRunner(bookRoot: book.root).run(path: $0.path, displayPath: $0.display)
            })
    }

    func testEveryFormatIsWritten() throws {
        let folder = try BookFolder()
        try folder.write("01-a.md", chapter("First"))
        let book = try BookLayout.book(for: [folder.path])
        let output = folder.beside("output")
        let warnings = try BookWriter(formats: [.html, .md, .json], book: book).write(result(of: book), into: output)
        XCTAssertEqual(warnings, [])
        let written = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        XCTAssertEqual(written, ["01-a.html", "01-a.md", "index.html", "report.json"])
    }

    func testAFailedWriteLeavesThePreviousOutputAsItWas() throws {
        let folder = try BookFolder()
        try folder.write("01-a.md", chapter("First version"))
        let output = folder.beside("output")
        var book = try BookLayout.book(for: [folder.path])
        _ = try BookWriter(formats: [.html, .json], book: book).write(result(of: book), into: output)
        let before = try snapshot(of: output)

        // The second version shows an image that cannot be copied beside the
        // pages: a file stands where its folder would be made.
        try folder.write("01-a.md", chapter("Second version") + "\n![a plot](img/plot.png)\n")
        try folder.write("img/plot.png", "PNG")
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: output + "/img"))
        book = try BookLayout.book(for: [folder.path])
        XCTAssertThrowsError(try BookWriter(formats: [.html, .json], book: book).write(result(of: book), into: output))
        {
            error in
            let message = (error as? BookWriteError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("cannot write '\(output)/img': "), message)
            XCTAssertTrue(message.hasSuffix("; the output folder '\(output)' was left as it was"), message)
        }
        var after = try snapshot(of: output)
        XCTAssertEqual(after.removeValue(forKey: "img"), Data("in the way".utf8))
        XCTAssertEqual(after, before)
        XCTAssertTrue(String(decoding: before["01-a.html"] ?? Data(), as: UTF8.self).contains("First version"))
    }

    /// Every file in the folder (none staged and left behind) with its bytes.
    private func snapshot(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}
