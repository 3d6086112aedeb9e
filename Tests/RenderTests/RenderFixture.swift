import Foundation
import Notation
import Runner
import TutorTestSupport
import XCTest

/// The fixture chapter, run by the real runner, with every kind of result.
enum RenderFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let fixtures = testsFolder + "/Fixtures"
    static let golden = testsFolder + "/Golden"

    /// The fixture chapter as the real runner leaves it.
    static let chapter: ChapterResult = ChapterRunner(bookRoot: fixtures)
        .run(path: fixtures + "/01-every-result.md", displayPath: "Fixtures/01-every-result.md")

    static let book = BookResult(chapters: [chapter])

    /// A fresh empty folder under the system's temporary folder, removed when
    /// the test ends unless `RENDER_TESTS_KEEP=1` (to look at what was written).
    static func temporaryFolder(_ name: String, for test: XCTestCase) throws -> String {
        let path = try TemporaryFolder.create("render-tests-\(name)").path
        if ProcessInfo.processInfo.environment["RENDER_TESTS_KEEP"] != "1" {
            test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        }
        return path
    }
}
