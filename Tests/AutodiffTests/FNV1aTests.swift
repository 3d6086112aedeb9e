import Autodiff
import XCTest

/// FNV-1a against the published 64-bit test vectors (Fowler, Noll and Vo).
final class FNV1aTests: XCTestCase {
    private func fnv1a(_ text: String) -> UInt64 {
        var hash = FNV1a()
        for byte in text.utf8 { hash.combine(byte: byte) }
        return hash.value
    }

    func testPublishedVectors() {
        XCTAssertEqual(fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(fnv1a("foobar"), 0x8594_4171_f739_67e8)
    }

    func testAWordBelowABytesRangeIsThatByte() {
        var word = FNV1a(), byte = FNV1a()
        word.combine(0x61)
        byte.combine(byte: 0x61)
        XCTAssertEqual(word.value, 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(byte.value, word.value)
    }
}
