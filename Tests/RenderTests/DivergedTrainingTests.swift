import Notation
@testable import Render
@testable import Runner
import XCTest

/// A training whose loss stopped being a number: the page says so, keeps the
/// log up to that point, and draws the curve without the non-finite losses.
final class DivergedTrainingTests: XCTestCase {
    private func divergedChapter() -> ChapterResult {
        var chapter = RenderFixture.chapter
        for b in chapter.blocks.indices {
            for s in chapter.blocks[b].statements.indices {
                guard case .train = chapter.blocks[b].statements[s].statement.kind,
                    chapter.blocks[b].statements[s].statement.location.line == 68
                else { continue }
                let log = [
                    TrainingResult.Entry(epoch: 0, loss: 2), TrainingResult.Entry(epoch: 1, loss: 40),
                    TrainingResult.Entry(epoch: 2, loss: .infinity), TrainingResult.Entry(epoch: 3, loss: .nan),
                ]
                let training = TrainingResult(
                    line: 68, optimizer: OptimizerSettings(name: "sgd", options: [.init(name: "lr", value: 100)]),
                    epochs: 30, batchSize: nil, log: log,
                    finalLoss: .nan, diverged: true, trajectories: [:])
                let location = SourceLocation(file: "Fixtures/01-every-result.md", line: 68, column: 1)
                chapter.blocks[b].statements[s].state = .failed(
                    Diagnostic("the loss diverged at epoch 2", at: location))
                chapter.blocks[b].statements[s].findings = [.training(training)]
            }
        }
        return chapter
    }

    func testThePageSaysTheTrainingDiverged() {
        let html = HTMLPage(divergedChapter()).render()
        XCTAssertTrue(html.contains("✗ diverged"))
        XCTAssertTrue(html.contains("the loss diverged at epoch 2"))
        XCTAssertTrue(html.contains("<td class=\"number\">NaN</td>"))
        XCTAssertFalse(html.lowercased().contains("points=\"nan"), "a non-finite loss reached the curve")
        let markdown = MarkdownPage(divergedChapter()).render().files[0].contents
        XCTAssertTrue(markdown.contains("**diverged**"))
    }

    func testCurveLeavesOutNonFiniteLosses() {
        let svg = LossCurveSVG.render(
            [
                (
                    label: "sgd",
                    log: [
                        .init(epoch: 0, loss: 1), .init(epoch: 1, loss: .nan),
                        .init(epoch: 2, loss: 0.5),
                    ], loss: nil
                )
            ],
            title: "Loss", standalone: true)
        XCTAssertFalse(svg.lowercased().contains("nan"))
        XCTAssertEqual(svg.components(separatedBy: "<circle class=\"marker-0\"").count - 1, 2)
    }

    /// A run that minimises U = −L and diverges: the axis says −L is drawn, not "loss".
    func testTheAxisSaysWhichLossIsDrawn() {
        let log: [TrainingResult.Entry] = [
            .init(epoch: 0, loss: -1), .init(epoch: 1, loss: -40), .init(epoch: 2, loss: -900),
        ]
        let svg = LossCurveSVG.render(
            [(label: "sgd", log: log, loss: TrainedLoss(name: "U", expression: "-L"))],
            title: "Loss", standalone: true)
        XCTAssertTrue(svg.contains(">U = -L</text>"), svg)
        XCTAssertFalse(svg.contains(">loss</text>"))
    }

    /// Two runs of different losses on one axis: the legend names each one's loss and optimizer.
    func testTheLegendNamesEachSeriesLoss() {
        let log: [TrainingResult.Entry] = [.init(epoch: 0, loss: 2), .init(epoch: 1, loss: 1)]
        let svg = LossCurveSVG.render(
            [
                (label: "sgd(lr: 0.1) · line 3", log: log, loss: TrainedLoss(name: "L", expression: "bce(a, y)")),
                (
                    label: "sgd(lr: 0.1) · line 9", log: log,
                    loss: TrainedLoss(name: "L_claimed", expression: "-mean(y)")
                ),
            ],
            title: "Loss", standalone: true)
        XCTAssertTrue(svg.contains(">L · sgd(lr: 0.1) · line 3</text>"), svg)
        XCTAssertTrue(svg.contains(">L_claimed · sgd(lr: 0.1) · line 9</text>"), svg)
        XCTAssertTrue(svg.contains(">loss</text>"), "two losses: the axis names neither")
        // Runs of one loss keep the optimizer alone in the legend, and the axis names the loss.
        let same = LossCurveSVG.render(
            [
                (label: "sgd · line 3", log: log, loss: TrainedLoss(name: "L", expression: "mse(p, y)")),
                (label: "adam · line 9", log: log, loss: TrainedLoss(name: "L", expression: "mse(p, y)")),
            ],
            title: "Loss", standalone: true)
        XCTAssertTrue(same.contains(">sgd · line 3</text>") && same.contains(">L = mse(p, y)</text>"), same)
        // An expression too long to run along the axis leaves the name alone.
        let long = LossCurveSVG.render(
            [
                (
                    label: "sgd", log: log,
                    loss: TrainedLoss(name: "L", expression: String(repeating: "x + ", count: 9) + "x")
                )
            ],
            title: "Loss", standalone: true)
        XCTAssertTrue(long.contains(">L</text>"), long)
    }
}
