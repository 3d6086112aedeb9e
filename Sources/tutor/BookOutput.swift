import Foundation
import Render
import Runner

/// Writes the chosen formats of a book's results, then removes the outputs of
/// chapters that are no longer in the book (the rule is on
/// `OutputWriter.removeStaleOutputs`).
///
/// The index and the report list this run's chapters and the chapters an
/// earlier run wrote into the same folder that are still in the book, so a
/// one-chapter run updates that chapter and keeps the others. Every file is
/// staged before any is renamed into place: a run that cannot write one file
/// changes nothing.
struct BookOutput {
    let formats: Set<OutputFormat>

    /// Returns a warning to show when the earlier report could not be read.
    @discardableResult
    func write(_ book: BookResult, with writer: OutputWriter) throws -> String? {
        let chapters = book.chapters
        let fileNames = chapters.map { ChapterFileNames(chapterFile: $0.file) }
        let folders = Set(chapters.map { ($0.file as NSString).deletingLastPathComponent })
            .map { $0.isEmpty ? "." : $0 }.sorted()
        let (earlier, warning) = keptEntries(of: writer.directory, besides: chapters, folders: folders)
        let entries = BookEntry.merged(chapters.map(BookEntry.init), keeping: earlier)
        let order = Dictionary(entries.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { a, _ in a })
        func link(_ index: Int?) -> ChapterLink? {
            guard let index, entries.indices.contains(index) else { return nil }
            return ChapterLink(file: entries[index].file, title: entries[index].title)
        }
        var figures: [String: Set<String>] = [:]
        for (index, chapter) in chapters.enumerated() where formats.contains(.html) || formats.contains(.md) {
            let names = fileNames[index]
            let prepared = PreparedChapter(chapter)
            if formats.contains(.html) {
                let position = order[chapter.file]
                let page = HTMLPage(prepared, previous: link(position.map { $0 - 1 }), next: link(position.map { $0 + 1 }))
                try writer.stage(page.render(), to: names.html)
            }
            if formats.contains(.md) {
                let page = MarkdownPage(prepared).render()
                for file in page.files { try writer.stage(file.contents, to: file.path) }
                figures[names.stem] = page.figureNames
            }
        }
        if formats.contains(.html) {
            try writer.stage(IndexPage.render(entries), to: "index.html")
        }
        if formats.contains(.json) {
            try writer.stage(JSONReport.render(entries), to: "report.json")
        }
        try writer.commit()
        try writer.removeStaleOutputs(current: fileNames, figures: formats.contains(.md) ? figures : nil,
                                      chapterFolders: folders, kept: Set(earlier.map(\.names.stem)))
        return warning
    }

    /// The entries of the folder's `report.json` for chapters this run did not
    /// run that are still in the book: their source is where the report says,
    /// or beside this run's chapters.
    private func keptEntries(of directory: String, besides chapters: [ChapterResult],
                             folders: [String]) -> ([BookEntry], String?) {
        let path = (directory as NSString).appendingPathComponent("report.json")
        guard let data = FileManager.default.contents(atPath: path) else { return ([], nil) }
        guard let earlier = BookEntry.entries(ofReport: String(decoding: data, as: UTF8.self)) else {
            return ([], "tutor: warning: '\(path)' is not a report tutor wrote; the index and report list this run's chapters only")
        }
        let files = Set(chapters.map(\.file))
        let stems = Set(chapters.map { ChapterFileNames(chapterFile: $0.file).stem })
        var seen = Set<String>()
        let kept = earlier.filter { entry in
            let stem = entry.names.stem
            guard !files.contains(entry.file), !stems.contains(stem), seen.insert(stem).inserted else { return false }
            return FileManager.default.fileExists(atPath: entry.file)
                || folders.contains { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(stem + ".md")) }
        }
        return (kept, nil)
    }
}
