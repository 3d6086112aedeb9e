import ArgumentParser
import Autodiff
import Foundation
import Notation

@main
struct Tutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs a book of Markdown chapters on backpropagation and checks every formula.",
        discussion: """
            A chapter is a Markdown file. Its ```tutor blocks build values, models, losses and \
            optimizers and train them; its formulas are checked against autodiff and finite \
            differences. A book is a folder of chapters, with an optional book.yml. See \
            docs/chapter-format.md and docs/book-file.md.

            Exit status: 0 all checks passed (expected failures count as passed); 1 a check \
            failed or an erratum unexpectedly held; 2 a chapter had an error; 64 a wrong command line.
            """,
        version: VersionReport.text,
        subcommands: [Run.self, Check.self, Preview.self, Worker.self],
        defaultSubcommand: Run.self
    )

    /// Before parsing: a first word that is neither a command nor an existing
    /// file, and is close to a command's name, is a misspelled command
    /// (`tutor chek`), not a chapter for the default `run`.
    ///
    /// Every command tunes the process first, the ones that start chapter
    /// workers too: OpenBLAS starts its threads as it loads, and left alone
    /// they poll for work for about 0.1 s, a core taken from the worker that is
    /// starting beside them.
    static func main() {
        tuneProcessForTraining()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let message = misspelledCommand(word) {
            FileHandle.standardError.write(Data("tutor: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// "unknown command 'chek'; did you mean 'check'?", or nil when `word` is
    /// an option, a command, a path that exists, or close to no command.
    static func misspelledCommand(_ word: String) -> String? {
        let commands =
            configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .map { $0._commandName } + ["help"]
        guard !word.hasPrefix("-"), !commands.contains(word), !word.contains("/"), !word.contains("."),
            !FileManager.default.fileExists(atPath: word),
            let nearest = nearestName(to: word, among: commands)
        else { return nil }
        return "unknown command '\(word)'; did you mean '\(nearest)'?"
    }
}
