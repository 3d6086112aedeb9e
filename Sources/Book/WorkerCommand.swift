/// How to start a chapter's worker process: an executable and the words
/// before the chapter's options (`tutor worker`). The book's process does not
/// guess its own executable; whoever starts the run names it.
///
/// `ChapterWorker` appends `--display=D --book-root=R --timeout=S --result=F`,
/// `--cache=C --tool=T` with a block cache, `--draw-pages` when pages are to be
/// written, then `--` and the chapter's path; the command reads them into a
/// `WorkerJob`.
public struct WorkerCommand: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}
