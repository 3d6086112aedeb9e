import Chapter
import Foundation
import Notation
import Render

/// Which files are a book's chapters, and where its output may go: the rules
/// that keep the author's sources apart from what tutor writes.
public enum BookLayout {
    /// The book of `paths`. A folder is a book: the chapters its `book.yml`
    /// lists, or else its `*.md` files and those of its subfolders, in name
    /// order, except hidden ones and `README.md`. A chapter file belongs to the
    /// nearest folder above it that has a book file, or else to its own folder;
    /// a folder inside such a book is a part of it. A file must be a Markdown
    /// chapter (`*.md`); one named more than once (also through a folder or a
    /// link) counts once. Chapters run in the book's order.
    public static func book(for paths: [String]) throws -> Book {
        var roots: [String] = []
        var named: [(absolute: String, isFolder: Bool, spelled: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BookError.commandLine("no such file or folder: \(path)")
            }
            let absolute = absolutePath(path)
            if !isDirectory.boolValue {
                guard absolute.hasSuffix(".md") else {
                    throw BookError.commandLine("'\(path)' is not a chapter: a chapter is a Markdown file named *.md")
                }
            }
            let folder = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
            roots.append(bookFolder(above: folder) ?? folder)
            named.append((absolute, isDirectory.boolValue, path))
        }
        let root = roots.dropFirst().reduce(roots[0]) { commonFolder($0, $1) }
        let bookFilePath = (root as NSString).appendingPathComponent(BookFile.name)
        let file: BookFile?
        if FileManager.default.fileExists(atPath: bookFilePath) {
            do {
                file = try BookFile.read(path: bookFilePath, displayPath: display(bookFilePath, root: root))
            } catch let diagnostic as Diagnostic {
                throw BookError.book([diagnostic.rendered])
            }
        } else {
            file = nil
        }
        let all: [BookChapter]
        if file != nil || named.contains(where: { $0.isFolder && $0.absolute == root }) {
            all = try chapters(of: root, file: file)
        } else {
            // No book file and no book folder named: the named folders and the
            // folders of the named files (not what lies below them) make the book.
            var seen = Set<String>()
            all = named.flatMap { absolute, isFolder, _ in
                isFolder
                    ? chapterFiles(below: absolute)
                    : chapterFiles(in: (absolute as NSString).deletingLastPathComponent)
            }
            .filter { seen.insert(resolved($0)).inserted }
            .map { BookChapter(path: $0, display: display($0, root: root)) }
        }
        var selected: [BookChapter] = []
        for (absolute, isFolder, spelled) in named {
            if isFolder {
                selected += all.filter { isInside($0.path, absolute) || absolute == root }
            } else if let chapter = all.first(where: { resolved($0.path) == resolved(absolute) }) {
                selected.append(chapter)
            } else if file?.chapters != nil {
                throw BookError.commandLine(
                    "'\(spelled)' is not a chapter of the book: "
                        + "\(display(bookFilePath, root: root)) does not list it")
            } else if !isChapterName((absolute as NSString).lastPathComponent) {
                throw BookError.commandLine(
                    "'\(spelled)' is not a chapter: README.md describes a folder and is not run "
                        + "(a book file may list it as a chapter)")
            } else {
                selected.append(BookChapter(path: absolute, display: display(absolute, root: root)))
            }
        }
        // A chapter named twice (`tutor run book book/01-a.md`) runs once, in the book's order.
        var seen = Set<String>()
        selected = selected.filter { seen.insert(resolved($0.path)).inserted }
        let order = Dictionary(all.enumerated().map { (resolved($1.path), $0) }, uniquingKeysWith: { a, _ in a })
        selected.sort {
            (order[resolved($0.path)] ?? .max, $0.display) < (order[resolved($1.path)] ?? .max, $1.display)
        }
        var book = Book(root: root, file: file, all: all, selected: selected)
        if file?.chapters != nil {
            let listed = Set(all.map { resolved($0.path) })
            book.unlisted = chapterFiles(below: root).filter { !listed.contains(resolved($0)) }.map {
                display($0, root: root)
            }
        }
        return book
    }

    /// The book's chapters in its order: as its book file lists them, or found in its folders.
    private static func chapters(of root: String, file: BookFile?) throws -> [BookChapter] {
        guard let entries = file?.chapters else {
            return chapterFiles(below: root).map { BookChapter(path: $0, display: display($0, root: root)) }
        }
        var chapters: [BookChapter] = []
        var seen = Set<String>()
        func add(_ chapter: BookChapter, from entry: BookFile.Entry) throws {
            guard seen.insert(resolved(chapter.path)).inserted else {
                throw BookError.book([
                    "\(entry.location): error: '\(chapter.display)' is in the book twice "
                        + "(listed twice, or also in a part's folder); a chapter is in a book once"
                ])
            }
            chapters.append(chapter)
        }
        for entry in entries {
            let path = (root as NSString).appendingPathComponent(entry.path)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if entry.partFolder != nil {
                guard exists, isDirectory.boolValue else {
                    throw BookError.book([
                        "\(entry.location): error: the part's folder '\(entry.path)' is not in the book's folder"
                    ])
                }
                for file in chapterFiles(below: path) {
                    try add(
                        BookChapter(
                            path: file, display: display(file, root: root), language: entry.language,
                            part: entry.part), from: entry)
                }
            } else {
                guard exists, !isDirectory.boolValue else {
                    throw BookError.book([
                        "\(entry.location): error: no chapter '\(entry.path)' in the book's folder"
                            + " (paths in the book file are relative to it)"
                    ])
                }
                try add(
                    BookChapter(
                        path: path, display: display(path, root: root), language: entry.language,
                        part: entry.part), from: entry)
            }
        }
        return chapters
    }

    /// The chapter files in `folder` and its subfolders, each folder's entries
    /// in name order with subfolders in place. Hidden entries, `README.md` and
    /// folders holding tutor's own pages are left out; a folder reached twice
    /// through links is searched once.
    static func chapterFiles(below folder: String) -> [String] {
        var visited = Set<String>()
        func walk(_ folder: String) -> [String] {
            guard visited.insert(resolved(folder)).inserted else { return [] }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            var files: [String] = []
            for name in names where !name.hasPrefix(".") {
                let path = (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !holdsTutorPages(path) { files += walk(path) }
                } else if isChapterName(name) {
                    files.append(path)
                }
            }
            return files
        }
        return walk(folder)
    }

    /// The chapter files directly in `folder`, in name order.
    private static func chapterFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter(isChapterName)
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    static func isChapterName(_ name: String) -> Bool {
        name.hasSuffix(".md") && !name.hasPrefix(".") && name.lowercased() != "readme.md"
    }

    /// An output folder of tutor's (its index carries tutor's mark): its `*.md` are pages, not chapters.
    private static func holdsTutorPages(_ folder: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: (folder as NSString).appendingPathComponent("index.html"))
        else {
            return false
        }
        defer { try? handle.close() }
        let start = String(decoding: handle.readData(ofLength: 1024), as: UTF8.self)
        return start.contains("<meta name=\"generator\" content=\"tutor\"/>")
    }

    /// The nearest of `folder` and the folders above it that has a book file.
    private static func bookFolder(above folder: String) -> String? {
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent(BookFile.name)) {
                return candidate
            }
            guard candidate != "/" else { return nil }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
    }

    /// `mybook/part/02-xor.md`: the book folder's name and the path inside it.
    static func display(_ path: String, root: String) -> String {
        let name = (root as NSString).lastPathComponent
        let inside = root == "/" ? String(path.dropFirst()) : String(path.dropFirst(root.count + 1))
        return name == "/" || name.isEmpty ? inside : name + "/" + inside
    }

    /// The absolute path, with `.` and `..` resolved as written.
    static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
    }

    /// Refuses an output folder that is, contains or lies inside the book's
    /// folder: pages written there would overwrite or join the sources.
    static func checkOutput(_ output: String, book: Book) throws {
        let target = resolved(output)
        let folder = resolved(book.root)
        let why: String
        if target == folder {
            why = "is the folder of chapters"
        } else if isInside(target, folder) {
            why = "lies inside the folder of chapters"
        } else if isInside(folder, target) {
            why = "contains the folder of chapters"
        } else {
            return
        }
        throw BookError.commandLine(
            "the output folder '\(output)' \(why) '\(fromHere(book.root))': "
                + "choose another with --output (the default is output/)")
    }

    /// `path` as the terminal's user would write it: relative to the current
    /// folder when inside it.
    static func fromHere(_ path: String) -> String {
        let here = absolutePath(FileManager.default.currentDirectoryPath)
        if path == here { return "." }
        return isInside(path, here) ? String(path.dropFirst(here == "/" ? 1 : here.count + 1)) : path
    }

    /// Outputs that two chapters, or a chapter and the book, would share, or
    /// that the file system cannot hold: one message per chapter at fault.
    static func collisions(of chapters: [String]) -> [(file: String, message: String)] {
        let reserved = ["index.html": "the book's index", "report.json": "the book's report"]
        var owners: [String: String] = [:]
        var problems: [(String, String)] = []
        for chapter in chapters {
            let names = ChapterFileNames(chapterFile: chapter)
            let outputs = [names.html, names.markdown, names.figureFolder]
            if names.stem.isEmpty {
                problems.append((chapter, "a chapter needs a name before '.md': its pages would have none"))
                continue
            }
            if let longest = outputs.map({ $0.utf8.count }).max(), longest > Int(NAME_MAX) {
                problems.append(
                    (
                        chapter,
                        "the file name is too long for its pages: '\(names.html)' would have "
                            + "\(longest) bytes, more than the \(NAME_MAX) a file name may have; shorten it"
                    ))
                continue
            }
            var clash: String?
            for output in outputs {
                if let what = reserved[output] {
                    clash = "its page '\(output)' would replace \(what); rename the chapter"
                } else if let other = owners[output] {
                    clash = "its output '\(output)' is also an output of \(other); rename one of the two"
                }
                if clash != nil { break }
            }
            if let clash { problems.append((chapter, clash)); continue }
            for output in outputs { owners[output] = chapter }
        }
        return problems
    }

    /// The absolute path with links resolved, for the part that exists.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real =
            realpath(existing, nil).map { pointer -> String in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? existing
        return rest.reduce(real) { ($0 as NSString).appendingPathComponent($1) }
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// The deepest folder containing both.
    private static func commonFolder(_ a: String, _ b: String) -> String {
        let pa = a.split(separator: "/"), pb = b.split(separator: "/")
        let common = zip(pa, pb).prefix { $0 == $1 }.map { String($0.0) }
        return "/" + common.joined(separator: "/")
    }
}
