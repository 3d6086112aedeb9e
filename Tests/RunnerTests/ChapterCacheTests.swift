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

    /// Runs the chapter as a worker of a cached run does: with the block cache,
    /// which takes the data files' hashes as they are read.
    private func run(_ path: String) -> ChapterResult {
        let blocks = BlockCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
        return ChapterRunner(bookRoot: folder.path, cache: blocks).run(path: path, displayPath: "01-cached.md")
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
        let result = run(path)
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")
        XCTAssertEqual(result.dataFiles.count, 1)

        // Saved after the run, before the result is stored.
        _ = try write(chapter + "Edited.\n", "01-cached.md")
        cache.store(result)
        XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the edited chapter was not run")

        _ = try write(chapter, "01-cached.md")
        XCTAssertNotNil(
            cache.lookup(path: path, displayPath: "01-cached.md"), "the stored key is the bytes that were run")
    }

    func testADataFileEditedDuringTheRunIsNotStoredUnderItsNewBytes() throws {
        let path = try write(chapter, "01-cached.md")
        _ = try write("1,2\n3,4\n", "d.csv")
        let cache = ChapterCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
        let result = run(path)
        XCTAssertTrue(result.errors.isEmpty, "\(result.errors)")

        _ = try write("5,6\n7,8\n", "d.csv")
        cache.store(result)
        XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the edited data were not read")

        _ = try write("1,2\n3,4\n", "d.csv")
        XCTAssertNotNil(
            cache.lookup(path: path, displayPath: "01-cached.md"), "the stored key is the data that were read")
    }

    private func entryFile() throws -> URL {
        let cacheFolder = folder.appendingPathComponent("cache")
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cacheFolder.path)
            .filter { ($0 as NSString).lastPathComponent == ChapterCache.entryName }
        XCTAssertEqual(entries.count, 1, entries.description)
        return cacheFolder.appendingPathComponent(try XCTUnwrap(entries.first))
    }

    func testAnEntryCutShortChangedOrOfAnEarlierFormatIsAMiss() throws {
        let path = try write(chapter, "01-cached.md")
        _ = try write("1,2\n3,4\n", "d.csv")
        let cache = ChapterCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
        let result = run(path)
        cache.store(result)
        let file = try entryFile()
        let whole = try Data(contentsOf: file)
        XCTAssertNotNil(cache.lookup(path: path, displayPath: "01-cached.md"))

        for cut in [whole.count - 1, whole.count / 2, 80, 0] {
            try whole.prefix(cut).write(to: file)
            XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "cut at \(cut) of \(whole.count)")
        }
        for index in [whole.count - 1, whole.count / 2, 40] {
            var changed = whole
            changed[index] ^= 0x04
            try changed.write(to: file)
            XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "byte \(index) changed")
        }
        let earlier = String(decoding: whole, as: UTF8.self).replacingOccurrences(
            of: "tutor-cache 3", with: "tutor-cache 2")
        try Data(earlier.utf8).write(to: file)
        XCTAssertNil(cache.lookup(path: path, displayPath: "01-cached.md"), "an entry of an earlier format")

        try whole.write(to: file)
        XCTAssertNotNil(cache.lookup(path: path, displayPath: "01-cached.md"), "the whole entry reads again")
    }
}
