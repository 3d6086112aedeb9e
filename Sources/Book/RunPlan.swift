/// What a run takes from a book, checked before anything runs: at least one
/// chapter, an output folder apart from the sources, and no two chapters
/// whose pages would share a name or replace the index.
public struct RunPlan: Sendable {
    public let book: Book
    /// The chapters to run, in the book's order.
    public var chapters: [BookChapter] { book.selected }

    /// `paths` are the ones the book was found from, named when they hold no
    /// chapter; `output` is the folder to write into, nil when nothing is written.
    public init(book: Book, paths: [String], output: String?) throws {
        guard !book.selected.isEmpty else {
            throw BookError.commandLine("no chapters (*.md) in \(paths.joined(separator: ", "))")
        }
        if let output { try BookLayout.checkOutput(output, book: book) }
        let collisions = BookLayout.collisions(of: book.selected.map(\.display))
        guard collisions.isEmpty else {
            throw BookError.book(collisions.map { "\($0.file):1:1: error: \($0.message)" })
        }
        self.book = book
    }
}
