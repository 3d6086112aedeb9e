import Foundation
@testable import Runner
import XCTest

/// The memo of file hashes: the hash of the bytes, taken again whenever the
/// file's status changed, and a damaged memo is no memo.
final class FileHashMemoTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-hashes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var memoFile: String { folder.appendingPathComponent("cache/.file-hashes").path }

    private func memo(settle: Double = 0) -> FileHashMemo {
        FileHashMemo(directory: folder.appendingPathComponent("cache").path, settleSeconds: settle)
    }

    private func write(_ text: String, replacing: Bool) throws -> String {
        let path = folder.appendingPathComponent("data.csv").path
        // A new file renamed into place, or the same file written over.
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: replacing ? .atomic : [])
        return path
    }

    func testAChangedFileIsHashedAgain() throws {
        let path = try write("1,2\n3,4\n", replacing: true)
        let first = memo()
        XCTAssertEqual(first.hash(ofFile: path), ChapterCache.hash(ofFile: path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: memoFile), "kept: it settled at once")

        for (text, replacing) in [("1,2\n3,5\n", true), ("10,2\n3,5\n", false), ("1\n", false)] {
            let path = try write(text, replacing: replacing)
            let expected = ChapterCache.hash(Data(text.utf8))
            XCTAssertEqual(first.hash(ofFile: path), expected, text)
            XCTAssertEqual(memo().hash(ofFile: path), expected, "read back from the memo's file: \(text)")
        }
        try FileManager.default.removeItem(atPath: path)
        XCTAssertNil(memo().hash(ofFile: path))
        XCTAssertNil(memo().hash(ofFile: folder.path), "a folder is not a file")
    }

    func testAFileJustChangedIsNotKept() throws {
        let path = try write("1,2\n", replacing: true)
        XCTAssertEqual(memo(settle: 2).hash(ofFile: path), ChapterCache.hash(ofFile: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: memoFile))
    }

    func testADamagedMemoIsNoMemo() throws {
        let path = try write("1,2\n", replacing: true)
        _ = memo().hash(ofFile: path)
        var data = try Data(contentsOf: URL(fileURLWithPath: memoFile))
        data[data.count - 2] ^= 0x01
        try data.write(to: URL(fileURLWithPath: memoFile))
        XCTAssertEqual(memo().hash(ofFile: path), ChapterCache.hash(ofFile: path))
        try data.prefix(10).write(to: URL(fileURLWithPath: memoFile))
        XCTAssertEqual(memo().hash(ofFile: path), ChapterCache.hash(ofFile: path))
    }
}
