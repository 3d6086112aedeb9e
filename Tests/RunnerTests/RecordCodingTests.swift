import Autodiff
import Foundation
@testable import Runner
import XCTest

/// The cache's binary records: a value comes back as it went in (JSON, the
/// form worker processes use, is the independent witness), large arrays are
/// blobs kept once, and bytes that are not a whole record are damage, not a crash.
final class RecordCodingTests: XCTestCase {
    private var folder: URL!
    private var known: KnownBlobs!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        known = KnownBlobs()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var blobFolder: String { folder.appendingPathComponent("blobs").path }

    /// A fresh store each time, as for each file; `known` stands for one run.
    private func store(_ known: KnownBlobs? = nil) -> TensorStore {
        TensorStore(directory: blobFolder, known: known ?? KnownBlobs())
    }

    /// Trainings, a formula check with 784×10-sized sides (blobs), shows,
    /// an erratum and a failed statement: most of what a result holds.
    private static let chapter = """
        # Records

        ```tutor
        seed 5
        let x = rand(784, 10)
        param w = 0.5
        loss L = (w - 2)^2
        optimizer adam(lr: 0.1)
        train 30 epochs, log every 10
        show w, x > 0.5
        ```

        $$
        x = x + 0
        $$

        ```tutor
        check formula
        check gradients
        expect w ≈ 3 ± 0.01
        show nothing_here
        ```

        """

    func testAResultComesBackAsItWentIn() throws {
        let result = try runChapter(Self.chapter)
        XCTAssertEqual(result.checks.count, 3, "\(result.checks.map(\.message))")
        XCTAssertFalse(result.errors.isEmpty, "the failed statement is part of the record")

        let blobs = store()
        let bytes = try RecordEncoder(blobs: blobs).encode(result)
        XCTAssertFalse(blobs.referenced.isEmpty, "the sides of x = x + 0 are blobs of 7840 entries")
        let back = try RecordDecoder(blobs: store()).decode(ChapterResult.self, from: Data(bytes))
        let json = ChapterResult.encoder()
        XCTAssertEqual(try json.encode(back), try json.encode(result))
        XCTAssertLessThan(bytes.count, try json.encode(result).count / 10, "the sides are not in the record")
    }

    /// As a worker hands its result back: every value inline.
    func testAResultHandedBackInlineIsTheSame() throws {
        let result = try runChapter(Self.chapter)
        let back = try ChapterResult(record: try result.record())
        let json = ChapterResult.encoder()
        XCTAssertEqual(try json.encode(back), try json.encode(result))
    }

    func testDoublesKeepEveryBit() throws {
        let values: [Double] = [.nan, -.nan, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, 0.1, -1e308]
        let signalling = Double(bitPattern: 0x7ff4_0000_0000_0001)
        struct Numbers: Codable {
            var one: Double
            var some: [Double]
            var many: [Double]
            var optional: Double?
        }
        let numbers = Numbers(
            one: signalling, some: values, many: Array(repeating: -0.0, count: 5000) + values,
            optional: nil)
        let back = try RecordDecoder(blobs: store())
            .decode(Numbers.self, from: Data(try RecordEncoder(blobs: store()).encode(numbers)))
        XCTAssertEqual(back.one.bitPattern, signalling.bitPattern)
        XCTAssertEqual(back.some.map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertEqual(back.many.map(\.bitPattern), numbers.many.map(\.bitPattern))
        XCTAssertNil(back.optional)
    }

    func testIntegersAndTextsAtTheirLimits() throws {
        struct Mixed: Codable, Equatable {
            var small: Int8
            var negative: Int
            var large: UInt64
            var words: [UInt64]
            var text: String
            var flags: [Bool?]
            var nested: [String: [Int]]
        }
        let mixed = Mixed(
            small: .min, negative: .min, large: .max, words: [0, .max, 1 << 63], text: "Σ ε, 中文\u{0}\n",
            flags: [true, nil, false], nested: ["": [], "b": [-1, 0, Int.max]])
        let back = try RecordDecoder(blobs: nil).decode(Mixed.self, from: Data(try RecordEncoder().encode(mixed)))
        XCTAssertEqual(back, mixed)
    }

    /// Keys are written in the order of their names: a dictionary's own
    /// order changes from process to process, and cache keys hash records.
    func testADictionaryIsTheSameBytesInAnyOrder() throws {
        let names = (0..<200).map { "name\($0)" }
        var roomy: [String: Int] = [:]
        roomy.reserveCapacity(4096)
        for (index, name) in names.enumerated() { roomy[name] = index }
        var tight: [String: Int] = [:]
        for (index, name) in names.enumerated().reversed() { tight[name] = index }
        XCTAssertEqual(roomy, tight)
        XCTAssertNotEqual(Array(roomy.keys), Array(tight.keys), "the two dictionaries run in different orders")
        XCTAssertEqual(try RecordEncoder().encode(roomy), try RecordEncoder().encode(tight))
    }

    func testALargeArrayIsOneBlobHoweverManyRecordsHoldIt() throws {
        let entries = (0..<5000).map { Double($0) / 7 }
        let first = store(known), second = store(KnownBlobs())
        _ = try RecordEncoder(blobs: first).encode([entries, entries])
        _ = try RecordEncoder(blobs: second).encode(["again": entries])
        XCTAssertEqual(first.referenced, second.referenced)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: blobFolder).count, 1)
        XCTAssertEqual(first.referenced.count, 1)
    }

    func testAChangedOrMissingBlobIsDamage() throws {
        let entries = (0..<5000).map { Double($0) }
        let bytes = Data(try RecordEncoder(blobs: store()).encode(entries))
        let blob = URL(fileURLWithPath: blobFolder).appendingPathComponent(
            try FileManager.default.contentsOfDirectory(atPath: blobFolder)[0])
        let name = blob.deletingPathExtension().lastPathComponent
        var data = try Data(contentsOf: blob)
        data[data.count / 2] ^= 1
        try data.write(to: blob)
        XCTAssertThrowsError(try RecordDecoder(blobs: store()).decode([Double].self, from: bytes)) {
            XCTAssertEqual("\($0)", "the stored entries \(name) were changed")
        }
        try data.prefix(800).write(to: blob)
        XCTAssertThrowsError(try RecordDecoder(blobs: store()).decode([Double].self, from: bytes)) {
            XCTAssertEqual("\($0)", "the stored entries \(name) are missing or cut short")
        }
        XCTAssertThrowsError(try RecordDecoder(blobs: nil).decode([Double].self, from: bytes))
    }

    /// Every cut of a record, and every single byte changed, throws or reads:
    /// none reads out of bounds or traps.
    func testEveryCutAndEveryChangedByteIsDamageOrAValue() throws {
        let result = try runChapter("# Small\n\n```tutor\nlet a = [1, 2; 3, 4]\nshow a\nexpect a * 2 == a + a\n```\n")
        let bytes = try RecordEncoder(blobs: store()).encode(result)
        XCTAssertGreaterThan(bytes.count, 500)
        for length in 0..<bytes.count {
            XCTAssertThrowsError(
                try RecordDecoder(blobs: store()).decode(ChapterResult.self, from: Data(bytes.prefix(length))),
                "cut at \(length) of \(bytes.count)")
        }
        var refused = 0
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0xff] {
                var changed = bytes
                changed[index] ^= flip
                if (try? RecordDecoder(blobs: store()).decode(ChapterResult.self, from: Data(changed))) == nil {
                    refused += 1
                }
            }
        }
        // A changed letter of a text still reads; a changed tag, length or key does not.
        XCTAssertGreaterThan(refused, bytes.count, "most changes make a record that does not read")
    }

    func testARecordWithBytesAfterItsValueIsDamage() throws {
        let bytes = try RecordEncoder().encode([1, 2, 3])
        XCTAssertEqual(try RecordDecoder().decode([Int].self, from: Data(bytes)), [1, 2, 3])
        XCTAssertThrowsError(try RecordDecoder().decode([Int].self, from: Data(bytes + [0])))
        XCTAssertThrowsError(try RecordDecoder().decode([String].self, from: Data(bytes)), "a number is not a text")
    }
}
