import XCTest

/// Asserts that two lists of numbers have the same length and agree entry by
/// entry within `absolute + relative·|expected|` (NaN agrees with nothing).
public func assertClose(
    _ actual: [Double], _ expected: [Double], absolute: Double, relative: Double,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "count " + message(), file: file, line: line)
    for (k, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= absolute + relative * abs(e)) {
        XCTFail("entry \(k): \(a) vs \(e) \(message())", file: file, line: line)
        return
    }
}
