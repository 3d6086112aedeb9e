import Chapter
import Notation
import XCTest

final class ChapterReaderTests: XCTestCase {
    func testSplitsTopLevelBlocksInOrder() {
        let markdown = """
            # Gradients

            Some *prose*.

            - a list

            ```tutor seed: 3
            let x = 1
            show x
            ```

            ```python
            print("shown")
            ```

                indented code

            Closing words.

            """
        let (document, diagnostics) = readChapter(markdown)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(document.blocks.count, 5)
        XCTAssertEqual(document.blocks[0].prose?.source, "# Gradients\n\nSome *prose*.\n\n- a list")
        XCTAssertEqual(document.blocks[0].prose?.location, location(1, 1))

        let directive = document.blocks[1].directive
        XCTAssertEqual(directive?.content, "let x = 1\nshow x\n")
        XCTAssertEqual(directive?.arguments, "seed: 3")
        XCTAssertEqual(directive?.fenceLocation, location(7, 1))
        XCTAssertEqual(directive?.contentLocation, location(8, 1))

        XCTAssertEqual(
            document.blocks[2].code,
            CodeBlock(language: "python", text: "print(\"shown\")\n", location: location(12, 1)))
        XCTAssertEqual(document.blocks[3].code?.language, nil)
        XCTAssertEqual(document.blocks[3].code?.text, "indented code\n")
        XCTAssertEqual(document.blocks[4].prose?.source, "Closing words.")
        XCTAssertEqual(document.blocks[4].prose?.location, location(18, 1))
    }

    func testDirectiveFirstLinesAcrossSeveralBlocks() {
        let markdown = "Intro.\n\n```tutor\nlet a = 1\n```\n\nMiddle.\n\n  ```tutor\n  let b = 2\n  ```\n"
        let directives = readChapter(markdown).document.blocks.compactMap(\.directive)
        XCTAssertEqual(directives.map(\.contentLocation), [location(4, 1), location(10, 3)])
        XCTAssertEqual(directives.map(\.fenceLocation), [location(3, 1), location(9, 3)])
        XCTAssertEqual(directives.map(\.content), ["let a = 1\n", "let b = 2\n"])
    }

    func testTutorMustBeTheInfoStringsFirstWord() {
        let blocks = readChapter("```tutorial\nx\n```\n\n~~~ tutor\ny\n~~~\n").document.blocks
        XCTAssertEqual(blocks[0].code?.language, "tutorial")
        XCTAssertEqual(blocks[1].directive?.content, "y\n")
    }

    func testCodeBlockNestedInListStaysProse() {
        let blocks = readChapter("- item\n\n  ```tutor\n  x\n  ```\n").document.blocks
        XCTAssertEqual(blocks.count, 1)
        XCTAssertNotNil(blocks[0].prose)
    }

    func testLinkReferenceDefinitionsStayInProse() {
        let blocks = readChapter("[cmark]: https://commonmark.org\n\n```tutor\nx\n```\n").document.blocks
        XCTAssertEqual(blocks[0].prose?.source, "[cmark]: https://commonmark.org")
    }

    func testTitleIsTheFirstLevelOneHeading() {
        XCTAssertEqual(
            readChapter("## Setup\n\n# The *chain* rule\n\n# Later\n").document.title,
            "The chain rule")
    }

    func testTitleFallsBackToFirstHeadingThenFileName() {
        XCTAssertEqual(readChapter("Text.\n\n### Notes `code`\n").document.title, "Notes code")
        let (document, _) = ChapterReader.read(file: "chapters/03-one-neuron.md", contents: "Text.\n")
        XCTAssertEqual(document.title, "03-one-neuron")
        XCTAssertEqual(document.file, "chapters/03-one-neuron.md")
    }

    func testEmptyChapter() {
        let (document, diagnostics) = readChapter("")
        XCTAssertEqual(document.blocks, [])
        XCTAssertEqual(diagnostics, [])
    }

    func testReadsFromDisk() throws {
        let path = NSTemporaryDirectory() + "chapter-reader-\(ProcessInfo.processInfo.processIdentifier).md"
        try "# On disk\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (document, diagnostics) = ChapterReader.read(path: path)
        XCTAssertEqual(document.title, "On disk")
        XCTAssertEqual(diagnostics, [])
    }

    func testMissingFileIsADiagnosticAtTheStart() {
        let (document, diagnostics) = ChapterReader.read(path: "/nonexistent/07-missing.md")
        XCTAssertEqual(document.blocks, [])
        XCTAssertEqual(
            diagnostics.map(\.location),
            [SourceLocation(file: "/nonexistent/07-missing.md", line: 1, column: 1)])
    }
}
