import Foundation
import XCTest

/// A chapter saved with CRLF or lone-CR (old Mac) line endings gets the errors,
/// lines and carets of the same chapter with LF endings.
final class LineEndingTests: XCTestCase {
    private let chapter = """
        # Line endings

        $$
        a = \\frac{1}{
        $$

        ```tutor
        let a = 1
        check formula
        show y
        ```

        ```tutor
        let x = (1 +
        ```

        """

    /// What `tutor check` says of the chapter's errors, with its line endings replaced by `ending`.
    private func errors(ending: String) throws -> String {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data(chapter.replacingOccurrences(of: "\n", with: ending).utf8)
            .write(to: book.appendingPathComponent("01-endings.md"))
        let run = try TutorProcess.run(["check", "book"], in: root)
        XCTAssertEqual(run.status, 2, run.standardError)
        // The lines after the chapter's mark, up to the summary's table.
        let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        guard let mark = lines.firstIndex(where: { $0.hasPrefix("failed") }) else { return run.standardError }
        return lines[(mark + 1)...].prefix { !$0.isEmpty }.joined(separator: "\n")
    }

    func testEveryLineEndingGivesTheSameErrors() throws {
        let lf = try errors(ending: "\n")
        XCTAssertEqual(
            lf,
            """
            book/01-endings.md:10:6: error: unknown name 'y'; did you mean 'a'?
            show y
                 ^
            book/01-endings.md:14:13: error: expected an expression, found end of line
            let x = (1 +
                        ^
            book/01-endings.md:4:14: error: the formula above is outside what tutor reads: expected an expression, \
            found the end of the equation
            """)
        XCTAssertEqual(try errors(ending: "\r\n"), lf)
        XCTAssertEqual(try errors(ending: "\r"), lf)
    }
}
