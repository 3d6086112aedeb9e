import Notation
import XCTest

final class NumberTextTests: XCTestCase {
    func testFourSignificantDigits() {
        XCTAssertEqual(NumberText.format(3.14159265), "3.142")
        XCTAssertEqual(NumberText.format(0.001817), "0.001817")
        XCTAssertEqual(NumberText.format(13.078947), "13.08")
        XCTAssertEqual(NumberText.format(-2.5), "-2.5")
        XCTAssertEqual(NumberText.format(123456.7), "1.235e5")
        XCTAssertEqual(NumberText.format(9999.95), "1e4")
    }

    func testExponentFormOutsidePlainRange() {
        XCTAssertEqual(NumberText.format(4.18941807474162e-14), "4.189e-14")
        XCTAssertEqual(NumberText.format(1e-5), "1e-5")
        XCTAssertEqual(NumberText.format(2.5e7), "2.5e7")
    }

    func testWholeNumbersAndSpecialValues() {
        XCTAssertEqual(NumberText.format(200), "200")
        XCTAssertEqual(NumberText.format(-0.0), "0")
        XCTAssertEqual(NumberText.format(.nan), "NaN")
        XCTAssertEqual(NumberText.format(-.infinity), "-∞")
    }
}
