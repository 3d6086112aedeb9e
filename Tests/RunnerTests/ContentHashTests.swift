import Foundation
import Runner
import XCTest

/// The cache's fingerprint is pinned: words, folded high bits, the tail of
/// bytes and the length all count.
final class ContentHashTests: XCTestCase {
    func testAPinnedFingerprint() {
        // From a Python transcription of the two lanes (one 8-byte word, seven
        // bytes, then the length as eight bytes).
        var hash = ContentHash()
        hash.add("backpropagation")
        XCTAssertEqual(hash.hex, "098a24877829da0b7de3e1f147588bea")
    }

    func testTheLengthSeparatesInputs() {
        var one = ContentHash(), two = ContentHash()
        one.add("ab")
        two.add("a")
        two.add("b")
        XCTAssertNotEqual(one.hex, two.hex)
    }
}
