import Foundation
@testable import Runner
import TutorTestSupport
import XCTest

/// The block cache inside the runner: states restored exactly, large values
/// kept once, pruning.
final class BlockCacheTests: XCTestCase {
    private var folder: URL!
    private var cache: BlockCache!

    override func setUpWithError() throws {
        folder = try TemporaryFolder.create("blocks")
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
        return ChapterRunner(bookRoot: folder.path, cache: cached ? cache : nil).run(
            path: path, displayPath: "01-states.md")
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

    /// Booleans and a declared notation are state of their own: a block that
    /// comes after them from the cache shows and checks as in a cold run.
    func testBooleansAndTheNotationAreRestored() throws {
        let text = """
            # State

            ```tutor
            let x = [0.2, 0.7, 0.9]
            let big = x > 0.5
            param w = 2.0
            loss L = w^2
            optimizer sgd(lr: 0.1, momentum: 0.9)
            notation articles
            ```

            Prose \(UUID().uuidString) that changes.

            $$\\gamma = 0.9$$

            ```tutor
            show big
            check formula
            ```

            """
        let first = try run(text, cached: true)
        let edited = text.replacingOccurrences(of: "Prose", with: "Words")
        let warm = try run(edited, cached: true)
        let cold = try run(edited, cached: false)
        XCTAssertEqual(warm.blocksReused, 2, "both blocks from the cache after a prose edit")
        XCTAssertEqual(try encoded(warm), try encoded(cold))
        XCTAssertEqual(first.checks.map(\.status), [.passed], first.checks.map(\.message).description)
        // The second block alone runs again, from the state after the first.
        let rerun = try run(edited.replacingOccurrences(of: "show big", with: "show big, x"), cached: true)
        XCTAssertEqual([rerun.blocksRun, rerun.blocksReused], [1, 1])
        XCTAssertEqual(rerun.checks.map(\.status), [.passed], "γ is still the momentum: the notation was restored")
        let shown = rerun.blocks.flatMap(\.statements).compactMap {
            $0.findings.compactMap { f -> ShowResult? in
                if case let .show(s) = f { return s } else { return nil }
            }.first
        }
        XCTAssertEqual(shown.first?.isBoolean, true, "big prints as booleans after a restore")
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

    func testRecordsCutShortRunAgainAsACold() throws {
        _ = try run(chapter(lastEpochs: 5), cached: true)
        let chapterFolder = cache.chapterFolder("01-states.md")
        var cut = 0
        for kind in ["blocks", "states"] {
            let kindFolder = (chapterFolder as NSString).appendingPathComponent(kind)
            for name in try FileManager.default.contentsOfDirectory(atPath: kindFolder) {
                let url = URL(fileURLWithPath: kindFolder).appendingPathComponent(name)
                let data = try Data(contentsOf: url)
                try data.prefix(data.count * 2 / 3).write(to: url)
                cut += 1
            }
        }
        XCTAssertEqual(cut, 4, "two blocks and their states")
        let notes = Notes()
        let path = folder.appendingPathComponent("01-states.md").path
        let warm = ChapterRunner(bookRoot: folder.path, cache: cache, progress: { notes.add($0) })
            .run(path: path, displayPath: "01-states.md")
        XCTAssertEqual([warm.blocksRun, warm.blocksReused], [2, 0])
        XCTAssertEqual(
            notes.all,
            [4, 14].map { "a cached block at line \($0) was ignored (cut short or edited); it runs again" },
            "a note for each block")
        XCTAssertEqual(try encoded(warm), try encoded(try run(chapter(lastEpochs: 5), cached: false)))
        let again = try run(chapter(lastEpochs: 5), cached: true)
        XCTAssertEqual([again.blocksRun, again.blocksReused], [0, 2], "stored whole again")
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

/// The notes a run gives, collected from its progress.
private final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String] = []

    func add(_ event: ProgressEvent) {
        guard case let .note(_, message) = event else { return }
        lock.lock(); defer { lock.unlock() }
        notes.append(message)
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return notes
    }
}
