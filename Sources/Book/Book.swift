import Chapter
import Foundation

/// A chapter as a run takes it.
public struct BookChapter: Equatable, Sendable {
    /// Where to read it (absolute).
    public var path: String
    /// How messages, pages and the report name it: the book folder's name and
    /// the path inside it (`mybook/part-2/05-xor.md`), however it was spelled.
    public var display: String
    /// Its own language, from the book file.
    public var language: String?
    /// The title of its part, from the book file.
    public var part: String?

    public init(path: String, display: String, language: String? = nil, part: String? = nil) {
        self.path = path
        self.display = display
        self.language = language
        self.part = part
    }
}

/// The book a command line names: its folder, its book file, every chapter in
/// the book's order, and those this run takes.
public struct Book: Sendable {
    /// The book's folder, absolute.
    public var root: String
    public var file: BookFile?
    public var all: [BookChapter]
    public var selected: [BookChapter]
    /// Chapter files in the book's folder that its book file does not list.
    public var unlisted: [String] = []

    /// The language of a chapter's page: its own, else the book's, else English.
    public func language(of display: String) -> String {
        all.first { $0.display == display }?.language ?? file?.language ?? "en"
    }

    /// The part of each chapter in one, by display name.
    public var parts: [String: String] {
        Dictionary(
            all.compactMap { chapter in chapter.part.map { (chapter.display, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The file a display name stands for.
    public func source(of display: String) -> String {
        ((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent(display)
    }

    /// Where results are kept between runs unless a run says otherwise: in the book's folder.
    public var defaultCacheFolder: String { (root as NSString).appendingPathComponent(".tutor-cache") }

    /// What to say about the chapter files the book file leaves out: they are not run.
    public var warnings: [String] {
        unlisted.map { "tutor: warning: \($0) is not run: the book file does not list it" }
    }
}
