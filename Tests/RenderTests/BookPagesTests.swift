@testable import Render
import Learning
import Notation
import Runner
import XCTest

/// What a book's settings change on its pages: the index's title and author,
/// each page's language, and switches written as booleans.
final class BookPagesTests: XCTestCase {
    func testTheIndexCarriesTheBooksTitleAuthorAndLanguage() {
        let entries = RenderFixture.book.chapters.map(BookEntry.init)
        let index = IndexPage.render(entries, title: "Backprop & friends", author: "A. Lecturer", language: "de")
        XCTAssertTrue(index.contains("<html lang=\"de\">"), index)
        XCTAssertTrue(index.contains("<title>Backprop &amp; friends</title>"))
        XCTAssertTrue(index.contains("<h1>Backprop &amp; friends</h1>\n<p class=\"author\">A. Lecturer</p>"))
        let plain = IndexPage.render(entries)
        XCTAssertTrue(
            plain.contains("<html lang=\"en\">") && plain.contains("<h1>The book</h1>"), "no book file: as before")
        XCTAssertFalse(plain.contains("class=\"author\""))
    }

    func testAPageTakesTheLanguageItIsGiven() {
        let page = HTMLPage(PreparedChapter(RenderFixture.chapter), language: "zh-Hans").render()
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n"))
    }

    /// Every switch of every optimizer, as the optimizer itself reports it, is written true or false.
    func testSwitchesAreWrittenAsBooleans() throws {
        let cases: [(String, [String: Double], String)] = [
            ("adam", ["amsgrad": 1], "amsgrad: true"), ("adam", [:], "amsgrad: false"),
            ("adamw", ["amsgrad": 1], "amsgrad: true"), ("rmsprop", ["centered": 1], "centered: true"),
            ("sgd", ["momentum": 0.9, "nesterov": 1], "nesterov: true"), ("sgd", [:], "nesterov: false"),
        ]
        for (name, arguments, expected) in cases {
            let optimizer = try makeOptimizer(name: name, arguments: arguments, positional: [0.1])
            let settings = OptimizerSettings(
                name: optimizer.name,
                options: optimizer.hyperparameters.map { .init(name: $0.name, value: $0.value) })
            let text = OptimizerText.full(settings)
            XCTAssertTrue(text.contains(expected), "\(text) lacks \(expected)")
            for option in settings.options
            where ["0", "1"].contains(NumberText.format(option.value))
                && !OptimizerText.switches.contains(option.name) && option.name != "lr"
            {
                // A numeric option that happens to be 0 or 1 stays a number.
                XCTAssertTrue(text.contains("\(option.name): \(NumberText.format(option.value))"), text)
            }
        }
    }
}
