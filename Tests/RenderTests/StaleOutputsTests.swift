import Foundation
import Render
import XCTest

final class StaleOutputsTests: XCTestCase {
    func testRemovesOnlyTutorsOutputsOfChaptersThatAreGone() throws {
        let root = try RenderFixture.temporaryFolder("stale", for: self)
        let output = root + "/output", chapters = root + "/chapters"
        let writer = OutputWriter(directory: output)
        try writer.prepare()
        try FileManager.default.createDirectory(atPath: chapters, withIntermediateDirectories: true)
        try "# Kept\n".write(toFile: chapters + "/03-elsewhere.md", atomically: true, encoding: .utf8)

        let page = "<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"tutor\"/></head></html>\n"
        let markdown = "<!-- Written by tutor from chapters/02-gone.md: the chapter with its results. -->\n"
        let figure = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-svg\"></svg>\n"
        for (name, contents) in [
            ("01-current.html", page), ("01-current/line-9-loss.svg", figure), ("01-current/line-4-loss.svg", figure),
            ("02-gone.html", page), ("02-gone.md", markdown), ("02-gone/line-3-surface.svg", figure),
            ("03-elsewhere.html", page),  // its chapter exists, only not run this time
            ("04-mine.html", "<html>my own page</html>"),  // no tutor mark
            ("05-notes.md", "# notes\n"),  // no tutor mark
            ("06-mixed/line-1-loss.svg", figure), ("06-mixed/notes.txt", "keep"),
            ("index.html", page), ("report.json", "{}"), ("about.html", page),
        ] {
            try writer.write(contents, to: name)
        }

        let removed = try writer.removeStaleOutputs(
            current: [ChapterFileNames(chapterFile: "chapters/01-current.md")],
            figures: ["01-current": ["line-9-loss.svg"]], chapterFolders: [chapters])

        XCTAssertEqual(
            removed,
            [
                "01-current/line-4-loss.svg", "02-gone", "02-gone.html", "02-gone.md",
                "02-gone/line-3-surface.svg", "06-mixed/line-1-loss.svg",
            ])
        let left = try FileManager.default.subpathsOfDirectory(atPath: output).sorted()
        XCTAssertEqual(
            left,
            [
                "01-current", "01-current.html", "01-current/line-9-loss.svg", "03-elsewhere.html",
                "04-mine.html", "05-notes.md", "06-mixed", "06-mixed/notes.txt", "about.html",
                "index.html", "report.json",
            ])
    }

    func testKeepsFiguresWhenMarkdownWasNotWritten() throws {
        let root = try RenderFixture.temporaryFolder("stale-html-only", for: self)
        let writer = OutputWriter(directory: root)
        try writer.write("<svg class=\"figure-svg\"></svg>\n", to: "01-a/line-1-loss.svg")
        let removed = try writer.removeStaleOutputs(
            current: [ChapterFileNames(chapterFile: "01-a.md")],
            figures: nil, chapterFolders: [])
        XCTAssertEqual(removed, [])
    }

    func testFileNamesOfAChapter() {
        let names = ChapterFileNames(chapterFile: "book/chapters/01-backprop.md")
        XCTAssertEqual(
            [names.html, names.markdown, names.figureFolder],
            ["01-backprop.html", "01-backprop.md", "01-backprop"])
    }
}
