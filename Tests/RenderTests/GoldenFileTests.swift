import BookComparison
import Foundation
import Render
import XCTest

/// The pages of the fixture chapter, byte for byte. `UPDATE_GOLDEN=1 swift test`
/// rewrites the golden files; review the diff before committing them.
final class GoldenFileTests: XCTestCase {
    func testHTMLPage() throws {
        try compare(HTMLPage(RenderFixture.chapter).render(), golden: "01-every-result.html")
    }

    /// Both pages drawn from one preparation of the chapter, as a book run draws them.
    func testPagesShareOnePreparedChapter() throws {
        let prepared = PreparedChapter(RenderFixture.chapter)
        try compare(HTMLPage(prepared).render(), golden: "01-every-result.html")
        for file in MarkdownPage(prepared).render().files { try compare(file.contents, golden: file.path) }
    }

    func testIndexPage() throws {
        try compare(IndexPage.render(RenderFixture.book), golden: "index.html")
    }

    func testMarkdownPageAndFigures() throws {
        let output = MarkdownPage(RenderFixture.chapter).render()
        let files = output.files
        XCTAssertEqual(
            files.map(\.path),
            [
                "01-every-result.md", "01-every-result/line-52-surface.svg",
                "01-every-result/line-66-loss.svg", "01-every-result/line-68-training.svg",
            ])
        for file in files { try compare(file.contents, golden: file.path) }
        XCTAssertEqual(output.figureNames, ["line-52-surface.svg", "line-66-loss.svg", "line-68-training.svg"])
    }

    /// As data: its full-precision numbers move in their last digits with the
    /// BLAS kernel (`ReportComparison` says by how much they may).
    func testJSONReport() throws {
        let actual = JSONReport.render(RenderFixture.book)
        let path = RenderFixture.golden + "/report.json"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            return try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(ReportComparison.differences(expected: expected, actual: Data(actual.utf8)), [])
    }

    private func compare(_ actual: String, golden name: String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let path = RenderFixture.golden + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return XCTFail("no golden file \(name); run with UPDATE_GOLDEN=1 to write it", file: file, line: line)
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            XCTFail(
                "\(name) differs from its golden file at line \(first + 1):\n  golden: \(first < e.count ? e[first] : "(end)")\n  actual: \(first < a.count ? a[first] : "(end)")",
                file: file, line: line)
        }
    }
}
