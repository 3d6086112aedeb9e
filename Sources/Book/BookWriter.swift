import Foundation
import Learning
import Render
import Runner

/// What a book's output folder holds: a page per chapter and the index
/// (`html`), GitHub Markdown (`md`), the report (`json`).
public enum OutputFormat: String, Sendable {
    case html, md, json
}

/// Writes the chosen formats of a book's results into its output folder,
/// then removes the outputs of chapters that are no longer in the book (the
/// rule is on `OutputWriter.removeStaleOutputs`).
///
/// The index and the report list this run's chapters and the chapters an
/// earlier run wrote into the same folder that are still in the book, so a
/// one-chapter run updates that chapter and keeps the others. Every file is
/// staged before any is renamed into place: a run that cannot write one file
/// changes nothing.
public struct BookWriter {
    public let formats: Set<OutputFormat>
    /// The book's settings, its chapters' sources and its images.
    public let book: Book

    public init(formats: Set<OutputFormat>, book: Book) {
        self.formats = formats
        self.book = book
    }

    /// Writes `result` into the folder `directory`, creating it if need be.
    /// Returns the warnings to show: an earlier report that could not be
    /// read, an image that could not be copied. Throws a `BookWriteError`.
    public func write(_ result: BookResult, into directory: String) throws -> [String] {
        do {
            let writer = OutputWriter(directory: directory)
            try writer.prepare()
            return try write(result, with: writer)
        } catch let error as OutputError {
            throw BookWriteError(message: "\(error); the output folder '\(directory)' was left as it was")
        } catch {
            throw BookWriteError(message: "cannot write to '\(directory)': \(error)")
        }
    }

    private func write(_ result: BookResult, with writer: OutputWriter) throws -> [String] {
        let chapters = result.chapters
        let fileNames = chapters.map { ChapterFileNames(chapterFile: $0.file) }
        let folders = Set((book.all + book.selected).map { ($0.path as NSString).deletingLastPathComponent }).sorted()
        let (earlier, warning) = keptEntries(of: writer.directory, besides: chapters, folders: folders)
        var warnings = warning.map { [$0] } ?? []
        var entries = BookEntry.merged(chapters.map(BookEntry.init), keeping: earlier)
        if book.file?.chapters != nil {
            let place = Dictionary(book.all.enumerated().map { ($1.display, $0) }, uniquingKeysWith: { a, _ in a })
            entries.sort { (place[$0.file] ?? .max, $0.names.stem) < (place[$1.file] ?? .max, $1.names.stem) }
        }
        let links = BookLinks(chapterFiles: book.all.map(\.display) + chapters.map(\.file))
        var images: [BookLinks.Image: String] = [:]
        let order = Dictionary(entries.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { a, _ in a })
        func link(_ index: Int?) -> ChapterLink? {
            guard let index, entries.indices.contains(index) else { return nil }
            return ChapterLink(file: entries[index].file, title: entries[index].title)
        }
        var figures: [String: Set<String>] = [:]
        for (index, chapter) in chapters.enumerated() where formats.contains(.html) || formats.contains(.md) {
            let names = fileNames[index]
            let prepared = PreparedChapter(chapter)
            let position = order[chapter.file]
            let page = HTMLPage(
                prepared, previous: link(position.map { $0 - 1 }), next: link(position.map { $0 + 1 }),
                language: book.language(of: chapter.file))
            let (html, shown) = links.html(page.render(), of: chapter.file)
            for image in shown where images[image] == nil { images[image] = chapter.file }
            if formats.contains(.html) {
                try writer.stage(html, to: names.html)
            }
            if formats.contains(.md) {
                let page = MarkdownPage(prepared).render()
                for (number, file) in page.files.enumerated() {
                    try writer.stage(
                        number == 0 ? links.markdown(file.contents, of: chapter.file) : file.contents, to: file.path)
                }
                figures[names.stem] = page.figureNames
            }
        }
        if formats.contains(.html) {
            try writer.stage(
                IndexPage.render(
                    entries, title: book.file?.title, author: book.file?.author,
                    language: book.file?.language ?? "en",
                    parts: book.parts), to: "index.html")
        }
        if formats.contains(.json) {
            try writer.stage(JSONReport.render(entries), to: "report.json")
        }
        warnings += try stage(images, with: writer)
        try writer.commit()
        try writer.removeStaleOutputs(
            current: fileNames, figures: formats.contains(.md) ? figures : nil,
            chapterFolders: folders, kept: Set(earlier.map(\.names.stem)))
        return warnings
    }

    /// Copies the images the pages show into the output folder, each at its
    /// place in the book; one that is missing or leads outside the book
    /// through a link is left out with a warning.
    private func stage(_ images: [BookLinks.Image: String], with writer: OutputWriter) throws -> [String] {
        var warnings: [String] = []
        for (image, chapter) in images.sorted(by: { $0.key.pathInBook < $1.key.pathInBook }) {
            // Only pictures: a page's name (`02-x.md`, `index.html`) must never be replaced by a copy.
            let kind = (image.pathInBook as NSString).pathExtension.lowercased()
            guard Self.imageKinds.contains(kind) else {
                warnings.append(
                    "tutor: warning: \(chapter): '\(image.pathInBook)' is not copied: only images ("
                        + Self.imageKinds.sorted().joined(separator: ", ") + ") are copied beside the pages")
                continue
            }
            let source: String
            do {
                source = try BookPath.resolve(image.pathInBook, chapterDirectory: book.root, bookRoot: book.root)
            } catch {
                warnings.append(
                    "tutor: warning: \(chapter): the image '\(image.pathInBook)' is not copied: it leads outside the book's folder"
                )
                continue
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                warnings.append(
                    "tutor: warning: \(chapter): the image '\(image.pathInBook)' is not in the book's folder; the page shows it missing"
                )
                continue
            }
            try writer.stage(data: data, to: image.pathInBook)
        }
        return warnings
    }

    static let imageKinds: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    /// The entries of the folder's `report.json` for chapters this run did not
    /// run that are still in the book: their source is where the report says,
    /// or beside this run's chapters.
    private func keptEntries(
        of directory: String, besides chapters: [ChapterResult],
        folders: [String]
    ) -> ([BookEntry], String?) {
        let path = (directory as NSString).appendingPathComponent("report.json")
        guard let data = FileManager.default.contents(atPath: path) else { return ([], nil) }
        guard let earlier = BookEntry.entries(ofReport: String(decoding: data, as: UTF8.self)) else {
            return (
                [],
                "tutor: warning: '\(path)' is not a report tutor wrote; the index and report list this run's chapters only"
            )
        }
        let files = Set(chapters.map(\.file))
        let stems = Set(chapters.map { ChapterFileNames(chapterFile: $0.file).stem })
        var seen = Set<String>()
        let kept = earlier.filter { entry in
            let stem = entry.names.stem
            guard !files.contains(entry.file), !stems.contains(stem), seen.insert(stem).inserted else { return false }
            return FileManager.default.fileExists(atPath: book.source(of: entry.file))
                || folders.contains {
                    FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(stem + ".md"))
                }
        }
        return (kept, nil)
    }
}

/// The output folder could not be written, and whether what was there is kept.
public struct BookWriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
