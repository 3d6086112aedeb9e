@testable import Runner
import XCTest

/// `notation …` and `check formula in … notation`: where the letters alone cannot
/// say whose notation a formula is in, the author says, and the error of an
/// ambiguous reading names the declaration.
final class NotationDeclarationTests: XCTestCase {
    private func network(_ optimizer: String, steps: Int = 2) -> String {
        smallNetwork.replacingOccurrences(of: "optimizer sgd(lr: 0.1)", with: "optimizer \(optimizer)\nstep \(steps)")
    }

    func testGammaBesideSGDsMomentumIsWhatTheNotationSays() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1, momentum: 0.9)")
                + formula(#"\gamma = 0.1"#)
                + formula(#"\gamma = 0.1"#, "check formula in pytorch notation")
                + formula(#"\gamma = 0.9"#, "check formula in articles notation")
                + "```tutor\nnotation articles\n```\n\n"
                + formula(#"\gamma = 0.9"#)
                + formula(#"\gamma = 0.1"#, "check formula in pytorch notation"))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.error, .passed, .passed, .passed, .passed],
            result.formulaChecks.map(\.diagnostics).description)
        let ambiguous = result.formulaChecks[0]
        XCTAssertEqual(ambiguous.equations.map(\.failure), [.ambiguousNotation], ambiguous.diagnostics)
        XCTAssertEqual(ambiguous.equations.first?.location, chapterLocation(13, 1), "at \\gamma")
    }

    func testADeclaredTimeConventionRefusesTheOthersSubscripts() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(#"\theta_{t+1} = \theta_t - \eta \nabla_\theta C(\theta_t)"#)
                + formula(
                    #"\theta_{t+1} = \theta_t - \eta \nabla_\theta C(\theta_t)"#, "check formula in articles notation")
                + formula(
                    #"\theta_{t+1} = \theta_t - \eta \nabla_\theta C(\theta_t)"#, "check formula in pytorch notation")
                + formula(
                    #"\theta_t = \theta_{t-1} - \eta \nabla_\theta C(\theta_{t-1})"#, "check formula in d2l notation"))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .passed, .error, .passed],
            result.formulaChecks.map(\.diagnostics).description)
        let refused = result.formulaChecks[2]
        XCTAssertEqual(refused.failure, .stepOutsideNotation, refused.diagnostics)
        XCTAssertEqual(refused.location, chapterLocation(33, 1), "at its check formula in pytorch notation")
    }

    /// d2l's v is Adam's first moment; inferred only beside an s, declared anywhere.
    func testDeclaringD2LReadsAdamsVAsTheFirstMoment() throws {
        let first = #"""
            g_t = \nabla_\theta C(\theta_{t-1}) \\
            v_t = \beta_1 v_{t-1} + (1 - \beta_1) g_t
            """#
        let result = try runChapter(
            network("adam(lr: 0.01)")
                + formula(first, "check formula in d2l notation")
                + formula(first, "check formula in pytorch notation"))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed],
            result.formulaChecks.map(\.diagnostics).description)
    }

    func testExplicitDefinitionsTurnAnUnboundLeftSideIntoAnError() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + "```tutor\nnotation explicit definitions\n```\n\n"
                + formula(#"\delta = C + 1"#)
                + formula(#"\delta := C + 1"#)
                + "```tutor\nnotation implicit definitions\n```\n\n"
                + formula(#"\epsilon_2 = C + 1"#))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.error, .passed, .passed])
        let undefined = result.formulaChecks[0]
        XCTAssertEqual(undefined.equations.map(\.failure), [.undefinedUnderExplicitDefinitions], undefined.diagnostics)
        XCTAssertEqual(undefined.equations.first?.location, chapterLocation(17, 1), "at \\delta")
        XCTAssertTrue(result.formulaChecks[1].isDefinitionOnly)
    }

    /// `\theta^{(t)}`: a time written as a superscript is the step, as a subscript is.
    func testASuperscriptTimeIsAStep() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(#"\theta^{(t+1)} = \theta^{(t)} - \eta \nabla_\theta C(\theta^{(t)})"#)
                + formula(#"\theta^{(t+1)} = \theta^{(t)} + \eta \nabla_\theta C(\theta^{(t)})"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed],
            result.formulaChecks.map(\.diagnostics).description)
    }
}
