import ArgumentParser

@main
struct Tutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs a book of Markdown chapters on backpropagation and checks every formula.",
        discussion: """
            A chapter is a Markdown file. Its ```tutor blocks build values, models, losses and \
            optimizers and train them; its formulas are checked against autodiff and finite \
            differences. See docs/chapter-format.md.

            Exit status: 0 all checks passed (expected failures count as passed); 1 a check \
            failed or an erratum unexpectedly held; 2 a chapter had an error; 64 a wrong command line.
            """,
        version: VersionReport.text,
        subcommands: [Run.self, Check.self, Preview.self, Worker.self],
        defaultSubcommand: Run.self
    )
}
