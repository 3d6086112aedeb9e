import Runner
import XCTest

/// Errata group their evidence and correction; every one is counted, and a
/// group written wrongly is a located error.
final class ErrataTests: XCTestCase {
    private let setUp = """
        # Errata

        ```tutor
        let x = 2
        param w = 0
        let y_hat = w * x
        loss L = 0.5 * (4 - y_hat)^2
        ```

        """

    func testAnErratumGroupsItsEvidenceAndCorrection() throws {
        let result = try runChapter(
            setUp
                + formula(
                    #"\frac{\partial L}{\partial w} = (4 - \hat{y}) x"#,
                    "erratum \"the gradient is (4 − ŷ) x\"\ncheck formula expect fail\nexpect grad(L, w) < 0")
                + formula(#"\frac{\partial L}{\partial w} = (\hat{y} - 4) x"#, "correction\ncheck formula\nend erratum")
                + formula(#"\frac{\partial L}{\partial w} = 3"#, "check formula expect fail"))
        XCTAssertEqual(
            result.errata,
            [
                ErratumResult(
                    line: 14, column: 1, claim: "the gradient is (4 − ŷ) x",
                    evidence: [15, 16], correction: [25], status: .confirmed)
            ])
        XCTAssertEqual(result.counts.errata, 1)
        XCTAssertEqual(result.counts.unconfirmedErrata, 0)
        XCTAssertEqual(
            result.counts.xfail, 2, "the demonstration after 'end erratum' is an expected failure, not an erratum")
        XCTAssertEqual(result.status, .passed)
    }

    func testEvidenceThatHoldsLeavesTheErratumNotConfirmed() throws {
        let result = try runChapter(
            setUp
                + formula(
                    #"\frac{\partial L}{\partial w} = (\hat{y} - 4) x"#,
                    "erratum \"a right formula\"\ncheck formula expect fail"))
        XCTAssertEqual(result.errata.map(\.status), [.notConfirmed])
        XCTAssertEqual(result.counts.unconfirmedErrata, 1)
        XCTAssertEqual(result.status, .failed)
    }

    func testACorrectionThatFailsLeavesTheErratumNotConfirmed() throws {
        let result = try runChapter(
            setUp + """
                ```tutor
                erratum "w starts at 1"
                expect w < 1
                correction
                expect w > 1
                ```
                """)
        XCTAssertEqual(result.errata.map(\.status), [.notConfirmed])
        XCTAssertEqual(result.status, .failed)
    }

    func testAHeadingClosesAnErratum() throws {
        let result = try runChapter(
            setUp + """
                ```tutor
                erratum "w starts at 1"
                expect w < 1
                ```

                ## Later

                ```tutor
                expect w == 0
                ```
                """)
        XCTAssertEqual(result.errata.map(\.evidence), [[11]])
    }

    func testMisplacedPartsAreLocatedErrors() throws {
        let result = try runChapter(
            setUp + """
                ```tutor
                correction
                end erratum
                erratum "nothing shows it"
                erratum "w starts at 1"
                expect w < 1
                correction
                check formula expect fail
                correction
                ```
                """)
        XCTAssertEqual(result.errors.map(\.location), [10, 11, 12, 16, 17].map { chapterLocation($0, 1) })
        XCTAssertEqual(
            result.errors.map(\.message),
            [
                #"'correction' belongs to an erratum: write erratum "the article's claim" and its evidence before it"#,
                "'end erratum' closes an erratum, but none is open here",
                "this erratum has no evidence: follow it with the checks that show the claim wrong "
                    + "(check formula … expect fail, or expect …) before 'correction'",
                "a correction is a check that holds: 'expect fail' marks evidence, which comes before 'correction'",
                "this erratum already has its correction (line 13's erratum)",
            ])
        XCTAssertEqual(result.status, .error)
        XCTAssertEqual(result.errata.map(\.status).first, .error)
    }

    func testAnErratumWhoseChecksDidNotRunIsNotRun() throws {
        let result = try runChapter(
            setUp + """
                ```tutor
                erratum "w starts at 1"
                let broken = nothing_by_this_name
                expect w < 1
                ```
                """)
        XCTAssertEqual(result.errata.map(\.status), [.notRun])
        XCTAssertEqual(result.counts.unconfirmedErrata, 1)
    }
}
