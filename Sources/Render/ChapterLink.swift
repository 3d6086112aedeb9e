import Runner

/// A neighbouring chapter, as a page links to it: its file names the page, its
/// title is the link's text.
public struct ChapterLink {
    public var file: String
    public var title: String

    public init(file: String, title: String) {
        self.file = file
        self.title = title
    }

    public init(_ chapter: ChapterResult) { self.init(file: chapter.file, title: chapter.title) }
}
