import Foundation
import XCTest

/// The cache per directive block: what runs after an edit, and that the
/// pages are the bytes a run without the cache writes.
final class BlockCacheTests: XCTestCase {
    /// Three blocks: the first trains with Adam (moments in the state), the
    /// second checks the display math above it and trains on, the third draws
    /// from the random generator, trains again and shows the loss.
    static let chapter = """
        # Cached

        Some prose, with a comma.

        ```tutor
        seed 3
        let x = randn(30, 2)
        let y = randn(30, 1)
        model net = dense(2, 4, tanh) >> dense(4, 1)
        loss L = mse(net(x), y)
        optimizer adam(lr: 0.05)
        train 40 epochs, log every 10
        ```

        The loss is its own value:

        $$
        L = L
        $$

        ```tutor
        check formula
        train 10 epochs
        ```

        ```tutor
        show randn(1, 3)
        train 5 epochs
        show L
        ```

        """

    var root: URL!
    var book: URL { root.appendingPathComponent("book") }
    var cacheFolder: URL { book.appendingPathComponent(".tutor-cache") }

    override func setUpWithError() throws {
        root = try TutorProcess.temporaryFolder()
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try write(Self.chapter)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ text: String) throws {
        try Data(text.utf8).write(to: book.appendingPathComponent("01-cached.md"))
    }

    func edit(_ old: String, _ new: String) throws {
        let text = try String(contentsOf: book.appendingPathComponent("01-cached.md"), encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try write(text.replacingOccurrences(of: old, with: new))
    }

    /// Runs the book with the cache into `out`, and without it into `cold`:
    /// the two must be the same bytes. Returns the cached run's progress.
    func runAndCompare(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let warm = try TutorProcess.run(["run", "book", "-o", "out"], in: root)
        XCTAssertEqual(warm.status, 0, warm.standardError, file: file, line: line)
        let cold = try TutorProcess.run(["run", "book", "-o", "cold", "--no-cache"], in: root)
        XCTAssertEqual(cold.status, 0, cold.standardError, file: file, line: line)
        let a = try RerunTests.contents(of: root.appendingPathComponent("out"))
        let b = try RerunTests.contents(of: root.appendingPathComponent("cold"))
        XCTAssertGreaterThan(a.count, 2, file: file, line: line)
        XCTAssertEqual(a, b, "the cached run wrote other bytes than a cold run", file: file, line: line)
        return warm.standardError
    }

    func testAProseEditRunsNoBlock() throws {
        XCTAssertTrue(try runAndCompare().contains("done    book/01-cached.md in "))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFolder.path), "the cache is in the book's folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".tutor-cache").path))
        try edit("Some prose, with a comma.", "Some prose with a comma.")
        let progress = try runAndCompare()
        XCTAssertTrue(progress.contains(": 0 blocks run, 3 from the cache"), progress)
        XCTAssertFalse(progress.contains("epoch"), progress)
    }

    /// Every regular file of the cache, by its path, with its inode and time
    /// of last write; not the memo of file hashes, which keeps the executable's
    /// only once it is two seconds old.
    func cacheFiles() throws -> [String: [Int]] {
        var files: [String: [Int]] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: cacheFolder.path) where name != ".file-hashes" {
            var info = stat()
            let path = cacheFolder.appendingPathComponent(name).path
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files[name] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        return files
    }

    /// What comes from the cache is not stored again: after a prose edit the
    /// chapter's entry is the one file written, and with nothing changed none is.
    func testWhatComesFromTheCacheIsNotStoredAgain() throws {
        _ = try runAndCompare()
        let cold = try cacheFiles()
        XCTAssertGreaterThan(cold.count, 7)
        try edit("Some prose, with a comma.", "Some prose with a comma.")
        XCTAssertTrue(try runAndCompare().contains(": 0 blocks run, 3 from the cache"))
        let edited = try cacheFiles()
        let written = Set(cold.keys).union(edited.keys).filter { cold[$0] != edited[$0] }
        XCTAssertEqual(written.map { ($0 as NSString).lastPathComponent }, ["chapter"], written.description)
        XCTAssertTrue(try runAndCompare().contains("cached  book/01-cached.md"))
        XCTAssertEqual(try cacheFiles(), edited, "a run with nothing changed writes nothing")
    }

    func testAnEditInTheLastBlockRunsOnlyThatBlock() throws {
        _ = try runAndCompare()
        try edit("train 5 epochs", "train 6 epochs")
        let progress = try runAndCompare()
        XCTAssertTrue(progress.contains(": 1 block run, 2 from the cache"), progress)
        XCTAssertTrue(progress.contains("book/01-cached.md:28: train 6 epochs: epoch 6/6"), progress)
        XCTAssertFalse(progress.contains("epoch 40/40"), progress)
    }

    func testAnEditOfTheCheckedFormulaRunsItsBlockOnly() throws {
        _ = try runAndCompare()
        try edit("L = L\n", "L = 2 L - L\n")
        let progress = try runAndCompare()
        XCTAssertTrue(progress.contains(": 1 block run, 2 from the cache"), progress)
    }

    /// A formula edit runs the blocks that check formulas from there on (a
    /// later one may use a symbol an earlier one defined), and no training.
    func testAnEditedFormulaRunsNoTraining() throws {
        try write(
            """
            # Formulas

            ```tutor
            param w = 2
            loss L = (w - 5)^2
            optimizer sgd(lr: 0.1)
            train 30 epochs
            ```

            $$
            \\delta = 2 (w - 5)
            $$

            ```tutor
            check formula
            ```

            ```tutor
            train 20 epochs
            ```

            $$
            \\frac{\\partial L}{\\partial w} = \\delta
            $$

            ```tutor
            check formula
            ```

            """)
        XCTAssertTrue(try runAndCompare().contains(": 4 blocks run"))
        try edit("\\delta = 2 (w - 5)", "\\delta = 2 (w - 5) + 0")
        let progress = try runAndCompare()
        XCTAssertTrue(progress.contains(": 2 blocks run, 2 from the cache"), progress)
        XCTAssertFalse(progress.contains("epoch"), progress)
    }

    func testADamagedCacheIsIgnoredWithANote() throws {
        _ = try runAndCompare()
        let files = FileManager.default.enumerator(at: cacheFolder, includingPropertiesForKeys: nil)!
        var damaged = 0
        while let url = files.nextObject() as? URL {
            let path = url.path
            if path.contains("/states/") || path.contains("/blocks/") || path.contains("/formulas/") {
                var data = try Data(contentsOf: url)
                data[data.count / 2] ^= 0x20
                try data.write(to: url)
                damaged += 1
            }
        }
        XCTAssertEqual(damaged, 7, "three blocks, three states, one set of formula definitions")
        try edit("Some prose, with a comma.", "Some prose, with two commas,")
        let progress = try runAndCompare()
        XCTAssertTrue(
            progress.contains("book/01-cached.md: note: a cached block at line 6 was ignored (cut short or edited)"),
            progress)
        XCTAssertTrue(progress.contains(": 3 blocks run"), progress)
        // Stored again: the next run takes everything from the cache.
        try edit("two commas,", "two commas.")
        XCTAssertTrue(try runAndCompare().contains(": 0 blocks run, 3 from the cache"))
    }

    func testAMissingStateRunsTheChapterFromItsStart() throws {
        _ = try runAndCompare()
        for url in try FileManager.default.subpathsOfDirectory(atPath: cacheFolder.path)
            .filter({ $0.contains("/states/") })
        {
            try FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(url))
        }
        try edit("train 5 epochs", "train 7 epochs")
        let progress = try runAndCompare()
        XCTAssertTrue(progress.contains("note: the cached state before line 27 was ignored"), progress)
        XCTAssertTrue(progress.contains(": 3 blocks run"), progress)
    }

    func testPruningKeepsOnlyWhatTheBookReaches() throws {
        _ = try runAndCompare()
        try edit("train 5 epochs", "train 8 epochs")
        _ = try runAndCompare()
        try edit("seed 3", "seed 4")
        _ = try runAndCompare()
        let files = try FileManager.default.subpathsOfDirectory(atPath: cacheFolder.path)
        XCTAssertEqual(files.filter { $0.contains("/blocks/") }.count, 3, files.description)
        XCTAssertEqual(files.filter { $0.contains("/states/") }.count, 3, files.description)
        XCTAssertEqual(files.filter { $0.contains("/formulas/") }.count, 1, files.description)
        XCTAssertEqual(files.filter { $0.hasSuffix(".tmp") }, [])
    }
}
