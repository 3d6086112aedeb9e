import Foundation
@testable import Runner
import TutorTestSupport
import XCTest

/// The cache keys a result by the bytes that were run, not by the files as they are when it is stored.
final class ChapterCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try TemporaryFolder.create("cache")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private let chapter = """
        # Cached

        ```tutor
        data d = csv("d.csv")
        show d
        ```

        """

    func testAnEditSavedDuringTheRunIsNotStoredUnderTheNewBytes() throws {
        let path = try write(chapter, "01-cached.md")
        _ = try write("1,2\n3,4\n", "d.csv")
        let cache = ChapterCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
        let result = ChapterRunner(bookRoot: folder.path).run(path: path, displayPath: "01-cached.md")
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")
        XCTAssertEqual(result.dataFiles.count, 1)

        // Saved after the run, before the result is stored.
        _ = try write(chapter + "Edited.\n", "01-cached.md")
        cache.store(result)
        XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the edited chapter was not run")

        _ = try write(chapter, "01-cached.md")
        XCTAssertNotNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the stored key is the bytes that were run")
    }

    func testADataFileEditedDuringTheRunIsNotStoredUnderItsNewBytes() throws {
        let path = try write(chapter, "01-cached.md")
        _ = try write("1,2\n3,4\n", "d.csv")
        let cache = ChapterCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
        let result = ChapterRunner(bookRoot: folder.path).run(path: path, displayPath: "01-cached.md")
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")

        _ = try write("5,6\n7,8\n", "d.csv")
        cache.store(result)
        XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the edited data were not read")

        _ = try write("1,2\n3,4\n", "d.csv")
        XCTAssertNotNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the stored key is the data that were read")
    }
}
