import Foundation

/// Removing the outputs of chapters that are gone, and nothing else.
///
/// The rule, for each entry directly inside the output folder:
/// - only names tutor gives a chapter's outputs are considered: `S.html`, `S.md`
///   and the folder `S/`, where the stem `S` starts with digits and a hyphen
///   (`01-backprop`);
/// - only when no chapter of this run has stem `S`, no `S.md` exists in any
///   folder this run took chapters from, and `S` is not a chapter the book's
///   report still lists (running one chapter of a book leaves the others'
///   pages alone);
/// - a file only when it carries tutor's mark (the generator `<meta>` of a page,
///   the opening comment of a Markdown page, the figure class of an SVG), so a
///   file someone else wrote there is kept;
/// - in a folder `S/`, only such SVG files, and the folder itself only once empty.
///
/// Figures of a chapter still in the book that this run no longer draws are
/// removed by the same marks, when this run wrote the chapter's Markdown page.
extension OutputWriter {
    /// Returns the removed paths, relative to the output folder, sorted.
    @discardableResult
    public func removeStaleOutputs(
        current: [ChapterFileNames], figures: [String: Set<String>]?,
        chapterFolders: [String], kept: Set<String> = []
    ) throws -> [String] {
        let manager = FileManager.default
        let stems = Set(current.map(\.stem)).union(kept)
        var removed: [String] = []
        for name in try manager.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                guard Self.isChapterStem(name) else { continue }
                if stems.contains(name) {
                    guard let kept = figures?[name] else { continue }
                    removed += try removeFigures(in: name, keeping: kept, removingFolder: false)
                } else if !Self.chapterExists(name, in: chapterFolders) {
                    removed += try removeFigures(in: name, keeping: [], removingFolder: true)
                }
                continue
            }
            let stem: String
            let mark: String
            if name.hasSuffix(".html") {
                stem = String(name.dropLast(5))
                mark = HTMLPage.generatorMark
            } else if name.hasSuffix(".md") {
                stem = String(name.dropLast(3))
                mark = MarkdownPage.generatorMark
            } else {
                continue
            }
            guard Self.isChapterStem(stem), !stems.contains(stem), !Self.chapterExists(stem, in: chapterFolders),
                Self.file(path, startsWithin: 4096, containing: mark)
            else { continue }
            try manager.removeItem(atPath: path)
            removed.append(name)
        }
        return removed.sorted()
    }

    private func removeFigures(in folder: String, keeping: Set<String>, removingFolder: Bool) throws -> [String] {
        let manager = FileManager.default
        let folderPath = (directory as NSString).appendingPathComponent(folder)
        var removed: [String] = []
        for name in try manager.contentsOfDirectory(atPath: folderPath).sorted()
        where name.hasSuffix(".svg") && !keeping.contains(name) {
            let path = (folderPath as NSString).appendingPathComponent(name)
            guard Self.file(path, startsWithin: 1024, containing: FigureStyle.mark) else { continue }
            try manager.removeItem(atPath: path)
            removed.append("\(folder)/\(name)")
        }
        if removingFolder, (try? manager.contentsOfDirectory(atPath: folderPath))?.isEmpty == true {
            try manager.removeItem(atPath: folderPath)
            removed.append(folder)
        }
        return removed
    }

    static func isChapterStem(_ stem: String) -> Bool {
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && stem.dropFirst(digits.count).hasPrefix("-")
    }

    private static func chapterExists(_ stem: String, in folders: [String]) -> Bool {
        folders.contains {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(stem + ".md"))
        }
    }

    private static func file(_ path: String, startsWithin limit: Int, containing mark: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: limit)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(mark)
    }
}
