import Learning
import XCTest

/// Asserts that `body` throws a `DataError` whose description contains every one of `fragments`.
func assertDataError<T>(
    _ body: @autoclosure () throws -> T, _ fragments: String...,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        guard let error = error as? DataError else {
            return XCTFail("expected a DataError, got \(error)", file: file, line: line)
        }
        for fragment in fragments where !error.description.contains(fragment) {
            XCTFail("\"\(error.description)\" does not contain \"\(fragment)\"", file: file, line: line)
        }
    }
}
