import Notation
import Runner
import TutorTestSupport
import XCTest

/// Runs a chapter written inline, through the real reader and runner.
func runChapter(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> ChapterResult {
    let folder = try TemporaryFolder()
    let path = try folder.write("01-test.md", markdown)
    // The folder is removed when it is released, which may be right after its last use.
    return withExtendedLifetime(folder) {
        ChapterRunner(bookRoot: folder.path).run(path: path, displayPath: "01-test.md")
    }
}

/// A place in the chapter `runChapter` writes: where a check went wrong.
func chapterLocation(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "01-test.md", line: line, column: column)
}

extension ChapterResult {
    /// The formula checks, in order.
    var formulaChecks: [CheckResult] { checks.filter { $0.kind == .formula } }
}

/// A 3-2-1 network on a little data: the set-up most formula tests share.
let smallNetwork = """
    # Formulas

    ```tutor
    seed 3
    let x = rand(6, 3)
    let y = rand(6, 1)
    model net = dense(3, 2, sigmoid) >> dense(2, 1)
    loss C = mse(net(x), y)
    optimizer sgd(lr: 0.1)
    ```

    """

/// A display formula and the `check formula` statement under it.
func formula(_ latex: String, _ check: String = "check formula") -> String {
    "$$\n\(latex)\n$$\n\n```tutor\n\(check)\n```\n\n"
}
