import Autodiff
@testable import Learning
import TutorTestSupport
import XCTest

/// An IDX file: magic (0, 0, type, dimension count), big-endian sizes, then `data`.
func idx(type: UInt8 = 0x08, _ sizes: [Int], _ data: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, type, UInt8(sizes.count)]
    for size in sizes {
        bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) }
    }
    return bytes + data
}

final class IDXReaderTests: XCTestCase {
    /// Three 2×2 images and their labels.
    private let pixels: [UInt8] = [0, 255, 51, 102, 1, 2, 3, 4, 250, 251, 252, 253]
    private let classes: [UInt8] = [9, 0, 3]

    private func writePair(in folder: TemporaryFolder) throws -> (images: String, labels: String) {
        (
            try folder.write("images-idx3-ubyte", idx([3, 2, 2], pixels)),
            try folder.write("labels-idx1-ubyte", idx([3], classes))
        )
    }

    func testImagesAreRowsOfScaledPixels() throws {
        let folder = try TemporaryFolder()
        let (images, labels) = try writePair(in: folder)
        let expected = Tensor(shape: .matrix(3, 4), scalars: pixels.map { Double($0) / 255 })
        XCTAssertEqual(try IDXReader.images(images), expected)
        XCTAssertEqual(try IDXReader.labels(labels), Tensor(rows: [[9], [0], [3]]))
        XCTAssertEqual(try IDXReader.images(images)[0, 1], 1)
    }

    func testGzipAndPlainGiveTheSameValues() throws {
        let folder = try TemporaryFolder()
        let plain = try writePair(in: folder)
        let loaded = try IDXReader.load(
            images: try folder.gzip("images-idx3-ubyte"),
            labels: try folder.gzip("labels-idx1-ubyte"))
        XCTAssertEqual(loaded.images, try IDXReader.images(plain.images))
        XCTAssertEqual(loaded.labels, try IDXReader.labels(plain.labels))
    }

    func testLimitTakesTheFirstExamples() throws {
        let folder = try TemporaryFolder()
        let (images, labels) = try writePair(in: folder)
        let two = try IDXReader.load(images: images, labels: labels, limit: 2)
        XCTAssertEqual(two.images.shape, .matrix(2, 4))
        XCTAssertEqual(two.images.scalars, pixels.prefix(8).map { Double($0) / 255 })
        XCTAssertEqual(two.labels, Tensor(rows: [[9], [0]]))
        XCTAssertEqual(try IDXReader.load(images: images, labels: labels, limit: 10).images.rows, 3)
        XCTAssertEqual(try IDXReader.labels(labels, limit: 0).shape, .matrix(0, 1))
        XCTAssertThrowsError(try IDXReader.images(images, limit: -1))
    }

    func testWrongMagicIsRefused() throws {
        let folder = try TemporaryFolder()
        var bytes = idx([3], classes)
        bytes[0] = 0x12
        assertDataError(
            try IDXReader.labels(try folder.write("l", bytes)),
            "l: not an IDX file: it begins 0x12000801")
        assertDataError(try IDXReader.labels(try folder.write("short", [0, 0])), "too short")
    }

    func testTypeCodesOtherThanUnsignedByteAreRefused() throws {
        let folder = try TemporaryFolder()
        assertDataError(
            try IDXReader.labels(try folder.write("f", idx(type: 0x0D, [1], [0, 0, 0, 0]))),
            "type code 0x0D (32-bit float) is not supported")
        assertDataError(
            try IDXReader.labels(try folder.write("u", idx(type: 0x07, [3], classes))),
            "unknown type code 0x07")
    }

    func testWrongDimensionCountIsRefused() throws {
        let folder = try TemporaryFolder()
        let (images, labels) = try writePair(in: folder)
        assertDataError(try IDXReader.images(labels), "has 1 dimensions, expected 3 (count × rows × columns")
        assertDataError(try IDXReader.labels(images), "has 3 dimensions, expected 1")
    }

    func testTruncatedAndTrailingDataAreRefused() throws {
        let folder = try TemporaryFolder()
        let cut = try folder.write("cut", idx([3, 2, 2], Array(pixels.dropLast())))
        assertDataError(
            try IDXReader.images(cut),
            "cut: truncated: header says 3×2×2 = 12 bytes of data, file has 11")
        let long = try folder.write("long", idx([3, 2, 2], pixels + [7, 7]))
        assertDataError(
            try IDXReader.images(long),
            "long: 2 bytes after the data: header says 3×2×2 = 12 bytes of data, file has 14")
        let header = try folder.write("header", Array(idx([3, 2, 2], []).prefix(10)))
        assertDataError(try IDXReader.images(header), "truncated: the header needs 16 bytes, file has 10")
        try folder.write("gz", idx([3, 2, 2], Array(pixels.dropLast(2))))
        assertDataError(try IDXReader.images(try folder.gzip("gz")), "gz.gz: truncated")
    }

    func testSizesWhoseProductOverflowsAreRefused() throws {
        let folder = try TemporaryFolder()
        let huge = 0xFFFF_FFFF
        assertDataError(
            try IDXReader.images(try folder.write("big", idx([huge, huge, huge], []))),
            "multiply beyond")
        assertDataError(try IDXReader.images(try folder.write("large", idx([huge, 2, 2], []))), "truncated")
    }

    func testCountMismatchBetweenImagesAndLabelsIsRefused() throws {
        let folder = try TemporaryFolder()
        let (images, _) = try writePair(in: folder)
        let labels = try folder.write("two-labels", idx([2], [1, 2]))
        assertDataError(
            try IDXReader.load(images: images, labels: labels),
            "two-labels: has 2 labels but \(images) has 3 images")
    }

    /// Enough images for the conversion to be split over the cores: the same
    /// values as one table lookup each, with or without a limit, and a file
    /// that is refused is refused as ever.
    func testManyImagesAreConvertedByteForByte() throws {
        let folder = try TemporaryFolder()
        let count = 1100, side = 32
        let pixels = (0..<(count * side * side)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 10) }
        try folder.write("many", idx([count, side, side], pixels))
        try folder.write("labels", idx([count], (0..<count).map { UInt8($0 % 10) }))
        let images = try folder.gzip("many"), labels = try folder.gzip("labels")
        let all = Tensor(shape: .matrix(count, side * side), scalars: pixels.map { Double($0) / 255 })
        XCTAssertEqual(try IDXReader.load(images: images, labels: labels).images, all)
        XCTAssertEqual(try IDXReader.images(images), all)
        XCTAssertEqual(try IDXReader.images(folder.path + "/many"), all)
        let first = 1030
        XCTAssertEqual(
            try IDXReader.images(images, limit: first).scalars, Array(all.scalars.prefix(first * side * side)))
        XCTAssertEqual(try IDXReader.images(images, limit: 3).scalars, Array(all.scalars.prefix(3 * side * side)))

        try folder.write("long", idx([count, side, side], pixels + [1]))
        assertDataError(try IDXReader.images(try folder.gzip("long")), "long.gz: 1 bytes after the data")
        try folder.write("cut", idx([count, side, side], Array(pixels.dropLast())))
        assertDataError(try IDXReader.images(try folder.gzip("cut")), "cut.gz: truncated: header says")
        // A header that fits, and a checksum that does not.
        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: images)))
        damaged[damaged.count - 8] ^= 0xFF
        assertDataError(try IDXReader.images(try folder.write("crc.gz", damaged)), "crc.gz: corrupt gzip data")
    }

    func testCorruptGzipIsAnError() throws {
        let folder = try TemporaryFolder()
        _ = try writePair(in: folder)
        let gz = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try folder.gzip("images-idx3-ubyte"))))
        let cut = try folder.write("cut.gz", Array(gz.prefix(gz.count - 4)))
        assertDataError(try IDXReader.images(cut), "cut.gz: truncated")
    }
}
