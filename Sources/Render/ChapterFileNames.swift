/// The names of what tutor writes for one chapter, all from the chapter's file
/// name: `chapters/01-backprop.md` gives `01-backprop.html`, `01-backprop.md`
/// and the folder `01-backprop/` for the Markdown page's figures.
public struct ChapterFileNames: Hashable, Sendable {
    public var stem: String

    public init(chapterFile: String) {
        var name = Substring(chapterFile.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        stem = String(name)
    }

    public var html: String { stem + ".html" }
    public var markdown: String { stem + ".md" }
    public var figureFolder: String { stem }
}
