import Foundation
import Render
import Runner

/// Writes the chosen formats of a book's results, then removes the outputs of
/// chapters that are no longer in the book (the rule is on
/// `OutputWriter.removeStaleOutputs`).
struct BookOutput {
    let formats: Set<OutputFormat>

    func write(_ book: BookResult, with writer: OutputWriter) throws {
        let chapters = book.chapters
        let fileNames = chapters.map { ChapterFileNames(chapterFile: $0.file) }
        var figures: [String: Set<String>] = [:]
        for (index, chapter) in chapters.enumerated() where formats.contains(.html) || formats.contains(.md) {
            let names = fileNames[index]
            let prepared = PreparedChapter(chapter)
            if formats.contains(.html) {
                let page = HTMLPage(prepared, previous: index > 0 ? chapters[index - 1] : nil,
                                    next: index + 1 < chapters.count ? chapters[index + 1] : nil)
                try writer.write(page.render(), to: names.html)
            }
            if formats.contains(.md) {
                let page = MarkdownPage(prepared).render()
                for file in page.files { try writer.write(file.contents, to: file.path) }
                figures[names.stem] = page.figureNames
            }
        }
        if formats.contains(.html) {
            try writer.write(IndexPage.render(book), to: "index.html")
        }
        if formats.contains(.json) {
            try writer.write(JSONReport.render(book), to: "report.json")
        }
        let folders = Set(chapters.map { ($0.file as NSString).deletingLastPathComponent })
            .map { $0.isEmpty ? "." : $0 }.sorted()
        try writer.removeStaleOutputs(current: fileNames,
                                      figures: formats.contains(.md) ? figures : nil, chapterFolders: folders)
    }
}
