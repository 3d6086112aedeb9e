import Notation
import XCTest

/// Columns as a terminal draws them (East Asian Width): carets and tables line up after wide characters.
final class DisplayWidthTests: XCTestCase {
    func testWideAndFullwidthCharactersTakeTwoColumns() {
        XCTAssertEqual(displayWidth("loss"), 4)
        XCTAssertEqual(displayWidth("损失"), 4, "CJK ideographs are wide")
        XCTAssertEqual(displayWidth("（，）"), 6, "fullwidth punctuation is fullwidth")
        XCTAssertEqual(displayWidth("한글"), 4, "Hangul syllables are wide")
        XCTAssertEqual(displayWidth("θ→é"), 3, "Greek, arrows and Latin letters are narrow")
        XCTAssertEqual(displayWidth("e\u{301}"), 1, "a combining accent takes no column")
        XCTAssertEqual(displayWidth("a\u{200B}b"), 2, "a zero-width space takes none")
        XCTAssertEqual(displayWidth("🙂"), 2, "an emoji shown as a picture is wide")
    }

    func testCaretAfterChineseTextIsUnderTheCharacter() {
        let diagnostic = parseDirectives("let 损失 = a $ b", file: "f.md", firstLine: 3).diagnostics.first
        // `$` is the 12th scalar; the two ideographs before it take two columns each.
        XCTAssertEqual(diagnostic?.location.column, 12)
        XCTAssertEqual(
            diagnostic?.rendered, "f.md:3:12: error: unexpected character '$'\nlet 损失 = a $ b\n             ^")
    }

    func testFullwidthPunctuationAsksForASCII() {
        let diagnostic = parseDirectives("let a = f（1）", file: "f.md", firstLine: 1).diagnostics.first
        XCTAssertEqual(
            diagnostic?.message,
            "unexpected character '（' (fullwidth left parenthesis): directives are written in ASCII — use '('")
        XCTAssertEqual(diagnostic?.location.column, 10)
        XCTAssertEqual(diagnostic?.rendered.hasSuffix("let a = f（1）\n         ^"), true, diagnostic?.rendered ?? "")
        XCTAssertEqual(
            expressionError("f(a，b)")?.message,
            "unexpected character '，' (fullwidth comma): directives are written in ASCII — use ','")
        XCTAssertEqual(
            expressionError("a 。b")?.message,
            "unexpected character '。' (ideographic full stop): directives are written in ASCII — use '.'")
        XCTAssertEqual(expressionError("a $ b")?.message, "unexpected character '$'", "ASCII gets no such hint")
    }
}
