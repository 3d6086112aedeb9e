import Learning
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

    /// An observer sees the bytes as they are inflated: growing prefixes of what
    /// `contents` returns, the last of them once, complete.
    func testAnObserverSeesGrowingPrefixesAndOneLastLook() throws {
        let folder = try TemporaryFolder()
        let bytes = (0..<(10 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        try folder.write("big", bytes)
        for path in [try folder.gzip("big"), folder.path + "/big"] {
            var looks: [(count: Int, complete: Bool, matches: Bool)] = []
            let contents = try Gzip.contents(ofFile: path) { prefix, expected, complete in
                XCTAssertEqual(expected, bytes.count)
                looks.append((prefix.count, complete, prefix.elementsEqual(bytes.prefix(prefix.count))))
            }
            XCTAssertEqual(contents, bytes)
            XCTAssertEqual(looks.map(\.complete), Array(repeating: false, count: looks.count - 1) + [true], path)
            XCTAssertEqual(looks.last?.count, bytes.count)
            XCTAssertTrue(looks.allSatisfy(\.matches))
            XCTAssertEqual(looks.map(\.count), looks.map(\.count).sorted())
            XCTAssertEqual(looks.count, path.hasSuffix(".gz") ? 3 : 1, "4 MiB more each time, or all at once")
        }
    }

    /// The last look comes also when inflating fails, and before bytes beyond
    /// the length in the trailer would move them.
    func testTheLastLookComesWhenInflatingFailsOrOutgrowsTheTrailer() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", text)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("a.txt"))))
        var completes = 0
        assertDataError(
            try Gzip.contents(ofFile: try folder.write("cut.gz", Array(good.dropLast(12)))) { _, _, complete in
                if complete { completes += 1 }
            }, "truncated")
        XCTAssertEqual(completes, 1)

        let long = String(repeating: "the gradient flows backwards\n", count: 10_000)
        try folder.write("long", long)
        try folder.write("short", "end\n")
        let both =
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("long"))))
            + [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("short"))))
        var last: Int?
        let contents = try Gzip.contents(ofFile: try folder.write("both.gz", both)) { prefix, expected, complete in
            XCTAssertEqual(expected, 1 << 16)
            XCTAssertNil(last, "nothing after the last look")
            if complete { last = prefix.count }
        }
        XCTAssertEqual(contents.count, long.utf8.count + 4)
        XCTAssertEqual(last, 1 << 16, "the first buffer, sized by the trailer's 4 bytes and at least 64 KiB")
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
