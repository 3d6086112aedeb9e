import Chapter
import Notation
import XCTest

/// Byte-level input: line endings, byte-order marks, tabs, non-ASCII text, bad UTF-8.
final class SourceTextTests: XCTestCase {
    func testCRLFLineEndingsAreNormalised() {
        let markdown = "# Title\r\n\r\n$$\r\na \\\\\r\nb\r\n$$\r\n\r\n```tutor\r\nlet x = $y$\r\n```\r\n"
        let (document, diagnostics) = readChapter(markdown)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(document.title, "Title")
        XCTAssertEqual(document.blocks[0].prose?.source, "# Title")
        XCTAssertEqual(document.blocks[1].displayMath, DisplayMath(latex: "a \\\\\nb", location: location(4, 1)))
        XCTAssertEqual(document.blocks[2].directive?.content, "let x = $y$\n")
        XCTAssertEqual(document.blocks[2].directive?.contentLocation, location(9, 1))
    }

    func testEveryLineEndingReadsAsLF() {
        // An unclosed `$$` is a diagnostic with its line.
        let markdown = "# Title\n\n$$\na \\\\\nb\n$$\n\n```tutor\nlet x = 1\n```\n\n$$ x + 1\n\nEnd.\n"
        let lf = readChapter(markdown)
        XCTAssertEqual(lf.diagnostics.map(\.location), [location(12, 1)])
        XCTAssertEqual(lf.diagnostics.map(\.sourceLine), ["$$ x + 1"])
        for ending in ["\r\n", "\r"] {
            let other = readChapter(markdown.replacingOccurrences(of: "\n", with: ending))
            XCTAssertEqual(other.document, lf.document)
            XCTAssertEqual(other.diagnostics, lf.diagnostics)
            XCTAssertEqual(
                ChapterReader.sourceLines(contents: Array(markdown.replacingOccurrences(of: "\n", with: ending).utf8)),
                ChapterReader.sourceLines(contents: Array(markdown.utf8)))
        }
        XCTAssertEqual(
            ChapterReader.sourceLines(contents: [0xEF, 0xBB, 0xBF] + Array("# A\rB".utf8)), ["# A", "B"],
            "without the byte-order mark")
    }

    func testByteOrderMarkIsStrippedAndColumnsStay() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Heading $h$\n".utf8)
        let (document, _) = ChapterReader.read(file: "ch.md", contents: bytes)
        let prose = document.blocks[0].prose
        XCTAssertEqual(prose?.source, "# Heading $h$")
        XCTAssertEqual(prose?.headings.first?.location, location(1, 1))
        XCTAssertEqual(prose?.inlineMath.first?.location, location(1, 12))
        XCTAssertEqual(document.title, "Heading $h$")
    }

    func testChineseColumnsCountScalars() {
        let markdown = "## 反向传播\n\n损失函数 $L(\\theta)$ 对参数 $\\theta$ 求导。\n"
        let prose = readChapter(markdown).document.blocks[0].prose
        XCTAssertEqual(prose?.inlineMath.map(\.latex), ["L(\\theta)", "\\theta"])
        XCTAssertEqual(prose?.inlineMath.map(\.location), [location(3, 7), location(3, 23)])
        XCTAssertEqual(prose?.headings.first?.anchor, "反向传播")
    }

    func testChineseBeforeDisplayMathOnTheSameLine() {
        let (document, _) = readChapter("中文\n\n$$ 梯度 = \\nabla $$\n")
        XCTAssertEqual(document.blocks[1].displayMath?.location, location(3, 4))
    }

    func testTabsCountAsOneColumn() {
        let prose = readChapter("-\tone\t$x$\n").document.blocks[0].prose
        XCTAssertEqual(prose?.inlineMath.first?.location, location(1, 8))
    }

    func testInvalidUTF8IsRejectedAtTheFirstBadByte() {
        let bytes = Array("# Fine\n\nné \u{00E9}".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
        let (document, diagnostics) = ChapterReader.read(file: "ch.md", contents: bytes)
        XCTAssertEqual(document.blocks, [])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location, location(3, 5))
        XCTAssertEqual(diagnostics.first?.message, "the chapter is not valid UTF-8 (byte 0xC3); save it as UTF-8")
    }
}
