import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run chapters and verify every check; write nothing (for CI).",
        discussion: """
            Examples:
              tutor check chapters/                  the book; exit status 0 if all passed
              tutor check -q chapters/03-neuron.md   one chapter: errors and the summary
            """
    )

    @OptionGroup var book: BookOptions

    func run() throws {
        let session = try BookSession(options: book)
        try session.checkNames()
        let result = session.run(drawingPages: false)
        throw ExitCode(result.exitStatus)
    }
}
