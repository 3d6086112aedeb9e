@testable import Runner
import XCTest

/// `check gradients`: what it compares must be the chapter's own gradient.
final class GradientCheckStatementTests: XCTestCase {
    func testANameForAParamIsCheckedLikeTheParamItself() throws {
        // The loss reads net.1.W; W is another name for the same value.
        let result = try runChapter(
            smallNetwork + """
                ```tutor
                let W = net.1.W
                check gradients wrt net.1.W
                check gradients wrt W
                ```

                """)
        let checks = result.checks.filter { $0.kind == .gradients }
        XCTAssertEqual(checks.count, 2)
        let direct = try XCTUnwrap(checks.first?.rows.first), alias = try XCTUnwrap(checks.last?.rows.first)
        XCTAssertTrue(direct.passed, "\(direct.comparison)")
        XCTAssertTrue(alias.passed, "\(alias.comparison)")
        // Nudging W alone would leave the loss unchanged, and a gradient of 0 would
        // agree with it: the same value must give the same comparison.
        XCTAssertGreaterThan(direct.maxAbsoluteError, 0, "finite differences are never exact")
        XCTAssertEqual(alias.maxAbsoluteError, direct.maxAbsoluteError)
        XCTAssertEqual(alias.maxRelativeError, direct.maxRelativeError)
    }
}
