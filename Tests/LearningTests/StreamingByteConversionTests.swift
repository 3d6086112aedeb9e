@testable import Learning
import XCTest

/// Bytes converted by a table while they arrive give what a table lookup after
/// they have all arrived gives; too few bytes give nothing.
final class StreamingByteConversionTests: XCTestCase {
    private let table = (0...255).map { Double($0) / 255 }
    /// Every byte value, in an order that is not sorted.
    private let bytes = (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

    func testBytesOfferedPieceByPieceAreEachLookedUp() {
        bytes.withUnsafeBufferPointer { buffer in
            let conversion = StreamingByteConversion(count: bytes.count, table: table)
            for end in stride(from: 1000, to: bytes.count, by: 300_007) {
                conversion.offer(buffer.baseAddress!, available: end)
            }
            conversion.offer(buffer.baseAddress!, available: bytes.count + 100)  // more than needed: ignored
            XCTAssertEqual(conversion.finish(), bytes.map { table[Int($0)] })
        }
    }

    func testOfferingAllAtOnceOrFewerThanNeeded() {
        bytes.withUnsafeBufferPointer { buffer in
            let whole = StreamingByteConversion(count: 1000, table: table)
            whole.offer(buffer.baseAddress!, available: bytes.count)
            XCTAssertEqual(whole.finish(), bytes.prefix(1000).map { table[Int($0)] })

            let short = StreamingByteConversion(count: bytes.count, table: table)
            short.offer(buffer.baseAddress!, available: bytes.count - 1)
            XCTAssertNil(short.finish(), "one byte short")
            XCTAssertNil(StreamingByteConversion(count: 10, table: table).finish(), "nothing offered")
            XCTAssertEqual(StreamingByteConversion(count: 0, table: table).finish(), [])
        }
    }
}
