import ArgumentParser

/// The options `run` and `check` share.
struct BookOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Chapters to run: Markdown files, or folders whose *.md files run in name order.",
        discussion: "Example: tutor run chapters/  or  tutor run chapters/03-one-neuron.md"))
    var paths: [String]

    @Flag(name: .long, help: "Print no progress, only errors and the summary.")
    var quiet = false
}
