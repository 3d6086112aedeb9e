import Foundation
@testable import Runner
import XCTest

/// `plot line`, `plot scatter`, `plot histogram`, `record` and surfaces over entries,
/// with the numbers they hold.
final class ValuePlotTests: XCTestCase {
    private func run(_ statements: String) throws -> ChapterResult {
        try runChapter("# t\n\n```tutor\n\(statements)\n```\n")
    }

    private func firstError(_ statements: String) throws -> (String, Int, Int)? {
        try run(statements).errors.first.map { ($0.message, $0.location.line, $0.location.column) }
    }

    private func plots(_ result: ChapterResult) -> [Finding] { result.valuePlots }

    func testALineOfVectors() throws {
        let result = try run(
            """
            plot line [3, 1, 2], [1; 0.5]
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        guard case let .linePlot(plot)? = plots(result).first else { return XCTFail() }
        XCTAssertFalse(plot.overEpochs)
        XCTAssertEqual(
            plot.series,
            [
                .init(label: "[3, 1, 2]", xs: [0, 1, 2], ys: [3, 1, 2]),
                .init(label: "[1; 0.5]", xs: [0, 1], ys: [1, 0.5]),
            ])
        let found = try firstError("plot line eye(2)")
        XCTAssertEqual(found?.0, "plot line draws a vector (a row or a column); 'eye(2)' has shape 2×2")
        XCTAssertEqual(found.map { [$0.1, $0.2] }, [4, 11])
    }

    /// `record` evaluates before the step of each logged epoch, as the logged
    /// loss is: a step of sgd(0.25) on L = w² halves w, and w is recorded at
    /// the logged epochs 0, 2, 4 and 5.
    func testRecordedValuesOverEpochs() throws {
        let result = try run(
            """
            param w = 1
            loss L = w^2
            optimizer sgd(0.25)
            train 6 epochs, log every 2, record w, record w > 0.1
            plot line w, w > 0.1 over epochs
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        XCTAssertEqual(result.trainings.first?.log.map(\.epoch), [0, 2, 4, 5])
        XCTAssertEqual(
            result.trainings.first?.recorded,
            [
                RecordedSeries(label: "w", epochs: [0, 2, 4, 5], values: [1, 0.25, 0.0625, 0.03125]),
                RecordedSeries(label: "w > 0.1", epochs: [0, 2, 4, 5], values: [1, 1, 0, 0]),
            ])
        XCTAssertEqual(result.trainings.first?.log.map(\.loss), [1, 0.0625, 0.00390625, 0.0009765625])
        guard case let .linePlot(plot)? = plots(result).first else { return XCTFail() }
        XCTAssertTrue(plot.overEpochs)
        XCTAssertEqual(plot.series.map(\.label), ["w", "w > 0.1"])
        XCTAssertEqual(plot.series.map(\.xs), [[0, 2, 4, 5], [0, 2, 4, 5]])
        XCTAssertEqual(plot.series.map(\.ys), [[1, 0.25, 0.0625, 0.03125], [1, 1, 0, 0]])
    }

    func testLinesOverEpochsNeedARecord() throws {
        let noTraining = try firstError("plot line acc over epochs")
        XCTAssertEqual(
            noTraining?.0,
            "plot line … over epochs draws values recorded by a train statement before it "
                + "(train 100 epochs, record acc)")
        let notRecorded = try firstError(
            """
            param w = 1
            loss L = w^2
            optimizer sgd(0.25)
            train 2 epochs, record w
            plot line w, 2 * w over epochs
            """)
        XCTAssertEqual(notRecorded?.0, "'2 * w' was not recorded by the train at line 7: write train …, record 2 * w")
        XCTAssertEqual(notRecorded.map { [$0.1, $0.2] }, [8, 14])
        let notScalar = try firstError(
            """
            param w = [1, 2]
            loss L = sum(w^2)
            optimizer sgd(0.25)
            train 2 epochs, record w
            """)
        XCTAssertEqual(notScalar?.0, "a recorded value must be a single number; this one has shape 1×2")
        XCTAssertEqual(notScalar.map { [$0.1, $0.2] }, [7, 24])
    }

    func testScatterWithLabelsAndBoundary() throws {
        let result = try run(
            """
            data x = [0, 0; 2, 1; 1, 3]
            let y = [1; 0; 1]
            plot scatter x, y with boundary (x @ [1; 0]) / 2
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        guard case let .scatterPlot(plot)? = plots(result).first else { return XCTFail() }
        XCTAssertEqual([plot.features, plot.labels, plot.boundary?.function], ["x", "y", "x @ [1; 0] / 2"])
        XCTAssertEqual(
            plot.points, [.init(x: 0, y: 0, label: 1), .init(x: 2, y: 1, label: 0), .init(x: 1, y: 3, label: 1)])
        XCTAssertEqual(plot.classes, [0, 1])
        // The data's span and a twentieth of it on each side.
        XCTAssertEqual(plot.xRange, -0.1...2.1)
        XCTAssertEqual(plot.yRange, -0.15...3.15)
        let boundary = try XCTUnwrap(plot.boundary)
        XCTAssertEqual(boundary.level, 0.5)
        XCTAssertEqual(boundary.xs.count, 61)
        XCTAssertEqual(boundary.values.count, 61)
        // The output is x₀ / 2 at every grid point: 0.5 where x₀ = 1.
        for (j, row) in boundary.values.enumerated() {
            XCTAssertEqual(row, boundary.xs.map { $0 / 2 }, "row \(j)")
        }
        XCTAssertEqual(boundary.xs.first, -0.1)
        XCTAssertEqual(boundary.xs.last, 2.1)
    }

    func testScatterRefusals() throws {
        let cases: [(String, String, [Int])] = [
            (
                "plot scatter [1, 2, 3]",
                "plot scatter takes two feature columns, one point per row (n×2); '[1, 2, 3]' has shape 1×3", [4, 14]
            ),
            ("plot scatter [1, 2], [1; 0]", "the labels must be one per point (1×1); '[1; 0]' has shape 2×1", [4, 22]),
            (
                "plot scatter [1, 2; 3, 4] with boundary 1",
                "a boundary is drawn over the points of a named value: name the features (data x = …) and write plot scatter x, y with boundary net(x)",
                [4, 14]
            ),
            (
                "let x = [1, 2; 3, 4]\nplot scatter x with boundary sum(x)",
                "the boundary is the 0.5 contour of one output per point (n×1, a probability); 'sum(x)' gives scalar for 3721 points",
                [5, 30]
            ),
            (
                "plot scatter [1, 2; 3, 4; 5, 6; 7, 8; 9, 10; 11, 12; 13, 14; 15, 16; 17, 18], [0; 1; 2; 3; 4; 5; 6; 7; 8]",
                "plot scatter colours at most 8 labels; '[0; 1; 2; 3; 4; 5; 6; 7; 8]' has 9 different values", [4, 79]
            ),
        ]
        for (statement, message, location) in cases {
            let found = try firstError(statement)
            XCTAssertEqual(found?.0, message, statement)
            XCTAssertEqual(found.map { [$0.1, $0.2] }, location, statement)
        }
    }

    func testBarsKeepEachFiniteEntryAtItsIndex() throws {
        let result = try run(
            """
            plot bars [0.5, log(-1), -2]
            plot bars [1; 2]
            plot bars 7
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        let bars = plots(result).compactMap { if case let .barPlot(b) = $0 { return b } else { return nil } }
        XCTAssertEqual(bars.map(\.indices), [[0, 2], [0, 1], [0]])
        XCTAssertEqual(bars.map(\.values), [[0.5, -2], [1, 2], [7]])
        XCTAssertEqual(bars.map(\.count), [3, 2, 1])
        XCTAssertEqual(bars.map(\.line), [4, 5, 6])
        XCTAssertEqual(bars[1].value, "[1; 2]", "the vector as written, which Render titles")
    }

    func testBarsRefuseWhatIsNoShortVector() throws {
        let cases: [(String, String, [Int])] = [
            (
                "plot bars [1, 2; 3, 4]", "plot bars draws a vector (a row or a column); '[1, 2; 3, 4]' has shape 2×2",
                [4, 11]
            ),
            (
                "plot bars zeros(1, 201)",
                "plot bars draws at most 200 bars; 'zeros(1, 201)' has 201 entries "
                    + "(plot histogram shows how many entries take which values)", [4, 11]
            ),
        ]
        for (statement, message, location) in cases {
            let found = try firstError(statement)
            XCTAssertEqual(found?.0, message, statement)
            XCTAssertEqual(found.map { [$0.1, $0.2] }, location, statement)
        }
    }

    func testHistogramCountsInEqualBins() throws {
        let result = try run(
            """
            plot histogram [0, 1, 2, 3, 4, 4, 10, log(-1)], bins 5
            plot histogram ones(3, 3)
            plot histogram randn(20, 20)
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        let histograms = plots(result).compactMap { if case let .histogram(h) = $0 { return h } else { return nil } }
        XCTAssertEqual(histograms.count, 3)
        // Bins of width 2 over 0…10; the last one holds its upper end.
        XCTAssertEqual(histograms[0].counts, [2, 2, 2, 0, 1])
        XCTAssertEqual([histograms[0].lower, histograms[0].upper], [0, 10])
        XCTAssertEqual(histograms[0].leftOut, 1)
        XCTAssertEqual(histograms[0].value, "[0, 1, 2, 3, 4, 4, 10, log(-1)]")
        // One value alone: width 1 around it; ⌈√9⌉ = 3 bins, but at least 5.
        XCTAssertEqual([histograms[1].lower, histograms[1].upper], [0.5, 1.5])
        XCTAssertEqual(histograms[1].counts, [0, 0, 9, 0, 0])
        // ⌈√400⌉ = 20 bins holding every entry.
        XCTAssertEqual(histograms[2].counts.count, 20)
        XCTAssertEqual(histograms[2].counts.reduce(0, +), 400)

        let extremes = try run(
            """
            plot histogram [5e-324, 0, -5e-324], bins 2
            plot histogram [-1.7e308, 1.7e308, 0], bins 2
            plot histogram [1e308, 1e308], bins 2
            """)
        let ends = plots(extremes).compactMap { if case let .histogram(h) = $0 { return h } else { return nil } }
        XCTAssertEqual(ends.map(\.counts), [[1, 2], [1, 2], [0, 2]], "a bin edge belongs to the bin above it")
        XCTAssertEqual([ends[2].lower, ends[2].upper], [1e308 - 1e296, 1e308 + 1e296])

        let nothing = try firstError("plot histogram log(-1)")
        XCTAssertEqual(nothing?.0, "'log(-1)' has no finite entry to count")
        XCTAssertEqual(nothing.map { [$0.1, $0.2] }, [4, 16])
    }

    func testSurfaceOverEntriesOfAParamWithTheTrainingPath() throws {
        let result = try run(
            """
            param W = [1, 2; 3, 4]
            loss L = sum(W^2)
            optimizer sgd(0.25)
            train 2 epochs
            plot surface L over W[0,1] in -2...2, W[1,0] in -4..4
            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        let surface = try XCTUnwrap(
            result.blocks.flatMap(\.statements).flatMap(\.findings).compactMap {
                if case let .surfacePlot(s) = $0 { return s } else { return nil }
            }.first)
        XCTAssertEqual([surface.xName, surface.yName], ["W[0,1]", "W[1,0]"])
        XCTAssertEqual(surface.xs.first, -2)
        XCTAssertEqual(surface.ys.last, 4)
        // The other entries are where training left them: W[0,0] = 0.25, W[1,1] = 1.
        XCTAssertEqual(surface.values[0][0], 0.0625 + 4 + 16 + 1)
        XCTAssertEqual(surface.values[20][20], 0.0625 + 1)
        // W halves every step: the path of W[0,1] and W[1,0] from before training.
        XCTAssertEqual(surface.path.map(\.x), [2, 1, 0.5])
        XCTAssertEqual(surface.path.map(\.y), [3, 1.5, 0.75])
    }

    func testSurfaceEntryRefusals() throws {
        let setUp = "param W = [1, 2; 3, 4]\nparam v = [1, 2, 3]\nloss L = sum(W^2) + sum(v^2)\n"
        let cases: [(String, String)] = [
            (
                "plot surface L over W in 0..1, v[0] in 0..1",
                "'W' has shape 2×2, not a scalar: name one entry of it (W[0,1] in -2..2)"
            ),
            (
                "plot surface L over W[0] in 0..1, v[0] in 0..1",
                "'W' has shape 2×2: name an entry by row and column (W[0,0])"
            ),
            (
                "plot surface L over W[2,0] in 0..1, v[0] in 0..1",
                "'W' has shape 2×2: rows 0…1, columns 0…1; there is no entry [2,0]"
            ),
            ("plot surface L over v[3] in 0..1, W[0,0] in 0..1", "'v' has 3 entries, 0…2; there is no entry 3"),
            (
                "plot surface L over v[1] in 0..1, v[0,1] in 0..1",
                "plot surface needs two different params or entries; 'v[0,1]' is named twice"
            ),
            ("plot surface L over L in 0..1, v[0] in 0..1", "'L' must be a param"),
        ]
        for (statement, message) in cases {
            let found = try firstError(setUp + statement)
            XCTAssertEqual(found?.0, message, statement)
        }
    }
}
