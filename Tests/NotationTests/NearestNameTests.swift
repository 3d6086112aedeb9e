@testable import Notation
import XCTest

final class NearestNameTests: XCTestCase {
    func testSuggestions() {
        let keywords = StatementKeyword.allCases.map(\.rawValue)
        XCTAssertEqual(nearestName(to: "tarin", among: keywords), "train")
        XCTAssertEqual(nearestName(to: "trian", among: keywords), "train")
        XCTAssertEqual(nearestName(to: "paramm", among: keywords), "param")
        XCTAssertEqual(nearestName(to: "lett", among: keywords), "let")
        XCTAssertNil(nearestName(to: "banana", among: keywords))
        XCTAssertNil(nearestName(to: "train", among: keywords), "an exact name needs no suggestion")
        XCTAssertEqual(nearestName(to: "sofmax", among: Builtins.callableNames), "softmax")
        XCTAssertEqual(nearestName(to: "crossentropy", among: Builtins.callableNames), "cross_entropy")
        XCTAssertEqual(nearestName(to: "relux", among: ["relu", "reluy"]), "relu", "ties go to the first")
        XCTAssertEqual(nearestName(to: "ab", among: ["xyz"], maximumDistance: 3), "xyz")
    }

    func testEditDistance() {
        XCTAssertEqual(editDistance("", "abc"), 3)
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("ab", "ba"), 1)
        XCTAssertEqual(editDistance("η", "θ"), 1)
        XCTAssertEqual(editDistance("same", "same"), 0)
    }

    func testBuiltinNames() {
        let names = Builtins.callableNames
        XCTAssertEqual(Set(names).count, names.count)
        for name in [
            "exp", "softmax", "grad", "randn", "linspace", "mse", "bce_with_logits",
            "adamw", "fashion_mnist", "csv", "idx", "dense", "identity", "linear",
        ] {
            XCTAssertTrue(names.contains(name), name)
        }
    }
}
