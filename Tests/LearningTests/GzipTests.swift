@testable import Learning
import TutorTestSupport
import XCTest

final class GzipTests: XCTestCase {
    private let text = String(repeating: "backpropagation is the chain rule, applied in order\n", count: 200)

    func testPlainFilesAreReadAsTheyAre() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("plain.txt", text)
        XCTAssertEqual(try Gzip.contents(ofFile: path), Array(text.utf8))
        XCTAssertEqual(try Gzip.contents(ofFile: try folder.write("empty", [])), [])
    }

    func testGzipFilesAreInflated() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", text)
        XCTAssertEqual(try Gzip.contents(ofFile: try folder.gzip("a.txt")), Array(text.utf8))
    }

    func testConcatenatedMembersAreAllInflated() throws {
        let folder = try TemporaryFolder()
        try folder.write("a", "first\n")
        try folder.write("b", "second\n")
        let both =
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("a"))))
            + [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("b"))))
        XCTAssertEqual(try Gzip.contents(ofFile: try folder.write("ab.gz", both)), Array("first\nsecond\n".utf8))
    }

    func testOutputLongerThanTheTrailerSaysIsAllInflated() throws {
        // The last member's trailer gives its own length, far below the total.
        let folder = try TemporaryFolder()
        let long = String(repeating: "the gradient flows backwards\n", count: 10_000)
        try folder.write("long", long)
        try folder.write("short", "end\n")
        let both =
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("long"))))
            + [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("short"))))
        XCTAssertEqual(try Gzip.contents(ofFile: try folder.write("both.gz", both)), Array((long + "end\n").utf8))
    }

    func testCorruptAndTruncatedStreamsAreErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", text)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("a.txt"))))

        var corrupt = good
        for i in 12..<(good.count - 8) { corrupt[i] ^= 0x5A }
        assertDataError(
            try Gzip.contents(ofFile: try folder.write("corrupt.gz", corrupt)),
            "corrupt.gz: corrupt gzip data")

        var badChecksum = good
        badChecksum[good.count - 6] ^= 0xFF
        assertDataError(try Gzip.contents(ofFile: try folder.write("crc.gz", badChecksum)), "corrupt gzip data")

        assertDataError(
            try Gzip.contents(ofFile: try folder.write("cut.gz", Array(good.dropLast(12)))),
            "cut.gz: truncated")
        assertDataError(
            try Gzip.contents(ofFile: try folder.write("header.gz", Array(good.prefix(5)))),
            "truncated")
        assertDataError(
            try Gzip.contents(ofFile: try folder.write("tail.gz", good + [1, 2, 3])),
            "3 unexpected bytes after the end of the gzip data")
    }

    /// One member whose trailer tells the truth is inflated by libdeflate in one
    /// call; anything else is left to zlib, which gives the same bytes or names
    /// what is wrong.
    func testOneMemberIsInflatedInOneCallAndTheRestByZlib() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", text)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("a.txt"))))
        good.withUnsafeBufferPointer { XCTAssertEqual(Gzip.inflateOneMember($0, limit: 1 << 20), Array(text.utf8)) }
        good.withUnsafeBufferPointer { XCTAssertNil(Gzip.inflateOneMember($0, limit: 100), "beyond the limit") }
        (good + good).withUnsafeBufferPointer { XCTAssertNil(Gzip.inflateOneMember($0, limit: 1 << 20)) }
        XCTAssertEqual(try Gzip.contents(ofFile: try folder.write("twice.gz", good + good)), Array((text + text).utf8))

        // A trailer whose length is one more, or one less, than the data inflates to.
        for change in [1, -1] {
            var lying = good
            lying[good.count - 4] = UInt8(truncatingIfNeeded: Int(lying[good.count - 4]) + change)
            lying.withUnsafeBufferPointer { XCTAssertNil(Gzip.inflateOneMember($0, limit: 1 << 20)) }
            assertDataError(
                try Gzip.contents(ofFile: try folder.write("lying.gz", lying)),
                "lying.gz: corrupt gzip data: incorrect length check")
        }
    }

    func testOutputBeyondTheLimitIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("zeros", [UInt8](repeating: 0, count: 1 << 20))
        let bomb = try folder.gzip("zeros")
        XCTAssertEqual(try Gzip.contents(ofFile: bomb).count, 1 << 20)
        assertDataError(try Gzip.contents(ofFile: bomb, limit: 100_000), "inflates to more than 100000 bytes")
        assertDataError(
            try Gzip.contents(ofFile: folder.path + "/zeros", limit: 100_000),
            "the file has 1048576 bytes; the limit is 100000")
    }

    func testMissingFilesAndFoldersAreErrors() throws {
        let folder = try TemporaryFolder()
        assertDataError(try Gzip.contents(ofFile: folder.path + "/nothing.gz"), "nothing.gz: no such file")
        assertDataError(try Gzip.contents(ofFile: folder.path), "is a folder")
        assertDataError(try Gzip.contents(ofFile: "/dev/zero"), "/dev/zero: is not a regular file")
    }
}
