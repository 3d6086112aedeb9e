import Foundation
import Notation
import Yams

/// `book.yml`, the optional file that makes a folder of chapters a book: its
/// title, author and language, and the order of its chapters, some of them
/// in parts that live in subfolders (docs/book-file.md).
///
/// Read with a YAML parser that keeps every node's line and column, so that a
/// mistake in the file — bad YAML, a key tutor does not know, a value of the
/// wrong kind — is an error at its place, like a mistake in a chapter.
public struct BookFile: Equatable, Sendable {
    public static let name = "book.yml"

    public var title: String?
    public var author: String?
    /// The language of the book's pages (`<html lang>`), a BCP 47 tag such as `en` or `zh-Hans`.
    public var language: String?
    /// The chapters in the book's order, or nil when the file lists none (then
    /// the folder's `*.md` files are the book, in name order).
    public var chapters: [Entry]?

    /// A chapter the file lists.
    public struct Entry: Equatable, Sendable {
        /// Relative to the book's folder, `/`-separated.
        public var path: String
        /// The chapter's own language, when it differs from the book's.
        public var language: String?
        /// The title of the part it belongs to, if any.
        public var part: String?
        /// The folder of the part, relative to the book's folder, for a part that
        /// lists no chapters of its own (its `*.md` files are taken, in name order).
        public var partFolder: String?
        /// Where the file lists it.
        public var location: SourceLocation
    }

    public init(title: String? = nil, author: String? = nil, language: String? = nil, chapters: [Entry]? = nil) {
        self.title = title
        self.author = author
        self.language = language
        self.chapters = chapters
    }

    /// Reads the book file at `path`; messages name it `displayPath`.
    public static func read(path: String, displayPath: String) throws -> BookFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("cannot read the book file", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(
                "the book file is not UTF-8 text", at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
        return try parse(text, file: displayPath)
    }

    /// The book file written as `text`; errors are located in `file`.
    public static func parse(_ text: String, file: String) throws -> BookFile {
        try BookFileReader(text: text, file: file).read()
    }

    static let keys = ["title", "author", "language", "chapters"]
    static let chapterKeys = ["file", "language"]
    static let partKeys = ["part", "folder", "chapters", "language"]
}

/// The reading of one book file: YAML nodes to a `BookFile`, or the first mistake.
private struct BookFileReader {
    let text: String
    let file: String
    let lines: [String]

    init(text: String, file: String) {
        self.text = text
        self.file = file
        lines = LineTable.lines(of: text)
    }

    func read() throws -> BookFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        }
        guard let root else { return BookFile() }
        guard let mapping = root.mapping else {
            throw error(
                "the book file is a list of settings (`title: …`, `chapters: …`), not \(kind(of: root))", at: root)
        }
        var book = BookFile()
        for (key, value) in mapping {
            switch try name(of: key, among: BookFile.keys, in: "the book file") {
            case "title": book.title = try string(value, for: "title")
            case "author": book.author = try string(value, for: "author")
            case "language": book.language = try language(value)
            default: book.chapters = try chapters(value, folder: nil, part: nil, language: nil)
            }
        }
        return book
    }

    /// The entries of a `chapters` list, in a part's `folder` when given.
    private func chapters(_ node: Node, folder: String?, part: String?, language: String?) throws -> [BookFile.Entry] {
        guard let sequence = node.sequence else {
            throw error("`chapters` is a list of chapter files (`- 01-intro.md`), not \(kind(of: node))", at: node)
        }
        var entries: [BookFile.Entry] = []
        for item in sequence {
            if item.scalar != nil {
                entries.append(try entry(path: item, folder: folder, part: part, language: language))
            } else if let mapping = item.mapping {
                let names = mapping.compactMap { $0.key.string }
                if names.contains("part") || names.contains("folder") {
                    guard folder == nil else {
                        throw error("a part cannot hold another part: list its chapters as files", at: item)
                    }
                    entries += try self.part(mapping, at: item)
                } else {
                    entries.append(try chapter(mapping, at: item, folder: folder, part: part, language: language))
                }
            } else {
                throw error(
                    "a chapter is a file name (`- 01-intro.md`), a `file:` with settings, or a part, "
                        + "not \(kind(of: item))", at: item)
            }
        }
        return entries
    }

    /// `- file: 03-chinese.md` with `language: zh`.
    private func chapter(
        _ mapping: Node.Mapping, at node: Node, folder: String?, part: String?,
        language: String?
    ) throws -> BookFile.Entry {
        var path: Node?, own = language
        for (key, value) in mapping {
            switch try name(of: key, among: BookFile.chapterKeys, in: "a chapter") {
            case "file": path = value
            default: own = try self.language(value)
            }
        }
        guard let path else { throw error("a chapter with settings needs `file:`, the chapter's file name", at: node) }
        return try entry(path: path, folder: folder, part: part, language: own)
    }

    /// `- part: Networks` with `folder: networks` and, optionally, its own `chapters:`.
    private func part(_ mapping: Node.Mapping, at node: Node) throws -> [BookFile.Entry] {
        var title: String?, folder: (String, Node)?, list: Node?, language: String?
        for (key, value) in mapping {
            switch try name(of: key, among: BookFile.partKeys, in: "a part") {
            case "part": title = try string(value, for: "part")
            case "folder": folder = (try relativePath(value, what: "a part's folder"), value)
            case "chapters": list = value
            default: language = try self.language(value)
            }
        }
        guard let title else { throw error("a part needs `part:`, its title", at: node) }
        guard let (path, _) = folder else {
            throw error("the part '\(title)' needs `folder:`, the subfolder that holds its chapters", at: node)
        }
        guard let list else {
            return [
                BookFile.Entry(
                    path: path, language: language, part: title, partFolder: path, location: location(of: node))
            ]
        }
        return try chapters(list, folder: path, part: title, language: language)
    }

    private func entry(path node: Node, folder: String?, part: String?, language: String?) throws -> BookFile.Entry {
        let written = try relativePath(node, what: "a chapter")
        guard written.hasSuffix(".md") else {
            throw error("'\(written)' is not a chapter: a chapter is a Markdown file named *.md", at: node)
        }
        let path = folder.map { $0 + "/" + written } ?? written
        guard let normal = Self.normalized(path) else {
            throw error("'\(written)' leaves the book's folder: chapters live in it or its subfolders", at: node)
        }
        return BookFile.Entry(
            path: normal, language: language, part: part, partFolder: nil, location: location(of: node))
    }

    /// A path relative to the book's folder that stays inside it.
    private func relativePath(_ node: Node, what: String) throws -> String {
        let path = try string(node, for: what)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw error("\(what) is named by a path relative to the book's folder, not '\(path)'", at: node)
        }
        guard let normal = Self.normalized(path) else {
            throw error("'\(path)' leaves the book's folder", at: node)
        }
        return normal
    }

    /// `a/./b/../c` as `a/c`; nil when `..` climbs above the start or nothing is left.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private func language(_ node: Node) throws -> String {
        let tag = try string(node, for: "language")
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            !subtags.isEmpty
            && subtags.allSatisfy {
                $0.count >= 1 && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
            && subtags[0].count >= 2 && subtags[0].allSatisfy(\.isLetter)
        guard valid else {
            throw error("'\(tag)' is not a language tag: write one such as en, de, zh or zh-Hans", at: node)
        }
        return tag
    }

    private func string(_ node: Node, for what: String) throws -> String {
        guard let scalar = node.scalar else { throw error("\(what) is text, not \(kind(of: node))", at: node) }
        return scalar.string
    }

    /// The key's name, refused when it is not one of `known` (with the nearest
    /// as a suggestion); an empty `known` accepts any text key.
    @discardableResult
    private func name(of key: Node, among known: [String], in place: String) throws -> String {
        guard let name = key.scalar?.string else {
            throw error("a setting's name is text, not \(kind(of: key))", at: key)
        }
        guard known.isEmpty || known.contains(name) else {
            let hint =
                nearestName(to: name, among: known).map { "; did you mean '\($0)'?" }
                ?? "; \(place) takes " + known.map { "`\($0)`" }.joined(separator: ", ")
            throw error("unknown setting '\(name)' in \(place)\(hint)", at: key)
        }
        return name
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a list of settings"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: max(1, node.mark?.line ?? 1), column: max(1, node.mark?.column ?? 1))
    }

    private func error(_ message: String, at node: Node) -> Diagnostic {
        let place = location(of: node)
        return Diagnostic(message, at: place, sourceLine: sourceLine(place.line))
    }

    private func sourceLine(_ number: Int) -> String? {
        lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// The parser's own reason at its place.
    private func diagnostic(for error: YamlError) -> Diagnostic {
        let located: (String, Mark?)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            located = ([problem, context?.text].compactMap { $0 }.joined(separator: " "), mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let place = SourceLocation(file: file, line: max(1, context.mark.line), column: max(1, context.mark.column))
            return Diagnostic(
                "the setting '\(duplicates.first ?? "")' is given twice in one list of settings; keep one",
                at: place, sourceLine: sourceLine(place.line))
        case let .reader(problem, _, _, _):
            located = (problem, nil)
        default:
            located = ("\(error)", nil)
        }
        let place = SourceLocation(
            file: file, line: max(1, located.1?.line ?? 1), column: max(1, located.1?.column ?? 1))
        return Diagnostic(
            "the book file is not valid YAML: \(located.0)", at: place, sourceLine: sourceLine(place.line))
    }
}
