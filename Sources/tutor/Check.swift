import ArgumentParser
import Book

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
        let console = Console(quiet: book.quiet)
        let plan = try book.plan(output: nil, console: console)
        let result = book.runner(plan, cacheFolder: nil, drawsPages: false).run { console.show($0) }
        console.summary(result)
        throw ExitCode(result)
    }
}
