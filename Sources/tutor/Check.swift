import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run chapters and verify every check; write nothing (for CI).",
        discussion: "Example: tutor check chapters/   (exit status 0 when every check passed)"
    )

    @OptionGroup var book: BookOptions

    func run() throws {
        let session = try BookSession(options: book)
        try session.checkNames()
        let result = session.run(drawingPages: false)
        throw ExitCode(result.exitStatus)
    }
}
