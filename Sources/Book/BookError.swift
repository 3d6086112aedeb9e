/// Why a book cannot be run, found before anything runs.
public enum BookError: Error, Equatable {
    /// The command line names nothing that can run: a path that is missing or
    /// is not a chapter, no chapters at all, an output folder among the sources.
    case commandLine(String)
    /// The book is written wrongly — its book file, or chapters whose pages
    /// would share a name: one located message (`file:line:column: error: …`) each.
    case book([String])

    /// Every line to show, as the terminal shows them.
    public var messages: [String] {
        switch self {
        case let .commandLine(message): return ["tutor: \(message)"]
        case let .book(errors): return errors + ["tutor: nothing was run or written"]
        }
    }
}
