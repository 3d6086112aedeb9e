import Foundation
@testable import Render
import XCTest

final class MarchingSquaresTests: XCTestCase {
    /// A cone's level set is a circle: every crossing lies near radius r.
    func testContourOfAConeIsACircle() {
        let n = 41
        let values = (0..<n).map { j in (0..<n).map { i in hypot(Double(i) - 20, Double(j) - 20) } }
        let segments = MarchingSquares.segments(values, level: 10)
        XCTAssertGreaterThan(segments.count, 40)
        for segment in segments {
            for p in [segment.from, segment.to] {
                XCTAssertEqual(hypot(p.x - 20, p.y - 20), 10, accuracy: 0.1)
            }
        }
    }

    func testCrossingIsInterpolated() {
        let segments = MarchingSquares.segments([[0, 4], [0, 4]], level: 1)
        XCTAssertEqual(segments, [MarchingSquares.Segment(from: .init(x: 0.25, y: 0), to: .init(x: 0.25, y: 1))])
    }

    /// Opposite corners above the level: the centre decides which pairs join.
    func testSaddleFollowsTheCentre() {
        let centreAbove = MarchingSquares.segments([[1, 0], [0, 1]], level: 0.4)
        let centreBelow = MarchingSquares.segments([[1, 0], [0, 1]], level: 0.6)
        XCTAssertEqual(centreAbove.count, 2)
        XCTAssertEqual(centreBelow.count, 2)
        XCTAssertNotEqual(centreAbove, centreBelow)
        // Centre above: the low corners (1, 0) and (0, 1) are cut off.
        XCTAssertTrue(
            centreAbove.contains { s in
                s.from.x > 0.5 && s.to.x > 0.5 && s.from.y < 0.5 || s.to.y < 0.5 && s.from.x > 0.5
            })
    }

    func testLevelOutsideTheValuesGivesNothing() {
        XCTAssertEqual(MarchingSquares.segments([[0, 1], [2, 3]], level: 5), [])
        XCTAssertEqual(MarchingSquares.segments([[0, .nan], [2, 3]], level: 1), [])
    }

    func testContourLevelsFollowTheDistribution() {
        let values = (0..<1000).map { pow(Double($0) / 100, 4) }  // most values small
        let levels = ContourSVG.contourLevels(values)
        XCTAssertEqual(levels.count, 10)
        XCTAssertEqual(levels, levels.sorted())
        XCTAssertLessThan(levels[4], values.max()! / 10, "levels should crowd where the values are")
    }
}
