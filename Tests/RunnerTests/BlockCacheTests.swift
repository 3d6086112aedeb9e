import Foundation
@testable import Runner
import XCTest

/// The block cache inside the runner: states restored exactly, large values
/// kept once, pruning.
final class BlockCacheTests: XCTestCase {
    private var folder: URL!
    private var cache: BlockCache!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        cache = BlockCache(directory: folder.appendingPathComponent("cache").path, toolIdentity: "test")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A value too large to store inline (a blob), RMSprop with momentum and
    /// a centred average (three buffers), and a random draw in the last block.
    private func chapter(lastEpochs: Int) -> String {
        """
        # States

        ```tutor
        seed 11
        let x = randn(200, 30)
        let y = randn(200, 1)
        model net = dense(30, 8, relu) >> dense(8, 1)
        loss L = mse(net(x), y)
        optimizer rmsprop(lr: 0.01, momentum: 0.5, centered: 1)
        train 20 epochs
        ```

        ```tutor
        show randn(2, 2)
        train \(lastEpochs) epochs
        show L
        show net.1.W
        ```

        """
    }

    private func run(_ text: String, cached: Bool) throws -> ChapterResult {
        let path = folder.appendingPathComponent("01-states.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return ChapterRunner(bookRoot: folder.path, cache: cached ? cache : nil).run(path: path, displayPath: "01-states.md")
    }

    private func encoded(_ result: ChapterResult) throws -> Data {
        try ChapterResult.encoder().encode(result.blocks)
    }

    func testAStateRestoredFromTheCacheGoesOnExactlyAsACold() throws {
        let first = try run(chapter(lastEpochs: 5), cached: true)
        XCTAssertEqual(first.errors.map(\.message), [])
        XCTAssertEqual([first.blocksRun, first.blocksReused], [2, 0])
        let blobs = try FileManager.default.contentsOfDirectory(atPath: cache.blobFolder)
        XCTAssertEqual(blobs.count, 1, "x (6000 entries) is kept once, for both states: \(blobs)")

        let warm = try run(chapter(lastEpochs: 7), cached: true)
        XCTAssertEqual([warm.blocksRun, warm.blocksReused], [1, 1])
        let cold = try run(chapter(lastEpochs: 7), cached: false)
        XCTAssertEqual([cold.blocksRun, cold.blocksReused], [2, 0])
        XCTAssertEqual(try encoded(warm), try encoded(cold), "the same numbers, to the last bit")
    }

    func testADamagedBlobRunsTheChapterFromItsStart() throws {
        _ = try run(chapter(lastEpochs: 5), cached: true)
        let blob = URL(fileURLWithPath: cache.blobFolder)
            .appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: cache.blobFolder)[0])
        var data = try Data(contentsOf: blob)
        data[100] ^= 1
        try data.write(to: blob)
        let warm = try run(chapter(lastEpochs: 6), cached: true)
        XCTAssertEqual([warm.blocksRun, warm.blocksReused], [2, 0])
        XCTAssertEqual(try encoded(warm), try encoded(try run(chapter(lastEpochs: 6), cached: false)))
    }

    func testPruningDropsOtherChaptersOverTheLimitAndValuesNoStateUses() throws {
        let result = try run(chapter(lastEpochs: 5), cached: true)
        let other = cache.chapterFolder("02-gone.md")
        try FileManager.default.createDirectory(atPath: other + "/blocks", withIntermediateDirectories: true)
        try Data(count: 1000).write(to: URL(fileURLWithPath: other + "/blocks/old"))
        try Data(count: 80).write(to: URL(fileURLWithPath: cache.blobFolder + "/unused.f64"))

        CachePruning(cache: cache).prune(after: [result])
        XCTAssertTrue(FileManager.default.fileExists(atPath: other), "under the limit, other chapters stay")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.blobFolder + "/unused.f64"))

        CachePruning(cache: cache, sizeLimit: 1).prune(after: [result])
        XCTAssertFalse(FileManager.default.fileExists(atPath: other), "over the limit, other chapters go first")
        let warm = try run(chapter(lastEpochs: 5), cached: true)
        XCTAssertEqual([warm.blocksRun, warm.blocksReused], [0, 2], "what the book uses stays")
    }
}
