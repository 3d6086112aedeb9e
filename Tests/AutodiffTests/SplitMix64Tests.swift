import Autodiff
import XCTest

/// SplitMix64's reference outputs for seed 0, from its published definition
/// (Steele, Lea and Flood 2014; Vigna's splitmix64.c).
final class SplitMix64Tests: XCTestCase {
    func testReferenceSequenceForSeedZero() {
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual(
            (0..<5).map { _ in generator.next() },
            [
                0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f,
                0xf88b_b8a8_724c_81ec, 0x1b39_896a_51a8_749b,
            ])
    }
}
