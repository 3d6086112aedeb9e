import ArgumentParser
import Book
import Foundation

/// The options `run` and `check` share.
struct BookOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The book: its folder, or chapter files (*.md) in it.",
            discussion: "A folder gives the chapters its book.yml lists, or else its *.md files and those of its "
                + "subfolders in name order (README.md excepted)."))
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print no progress, only errors and the summary.")
    var quiet = false

    // `.unconditional`: `--timeout -1` is a value to refuse with a reason, not a missing one.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds a chapter may run, above 0 and at most a week (default: 300); a chapter past it stops at the "
                + "running statement with an error.",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: [.short, .long], parsing: .unconditional,
        help: ArgumentHelp(
            "Chapters run at once, at least 1 (default: the number of cores). The output is the same for any value.",
            valueName: "n"))
    var jobs: Int?

    static let defaultTimeout: Double = 300
    /// A week: longer limits (and infinity) are refused rather than overflow a clock.
    static let longestTimeout: Double = 7 * 24 * 3600

    var timeLimit: Double { timeout ?? Self.defaultTimeout }
    var chapterJobs: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Self.longestTimeout) {
            throw ValidationError(
                "--timeout must be a number of seconds above 0 and at most "
                    + "\(Int(Self.longestTimeout)) (a week), not \(String(format: "%g", timeout))")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }
}

extension BookOptions {
    /// What this run takes of the book the paths name, with the book file's
    /// warnings printed; a mistake is thrown as a `BookError`.
    func findPlan(output: String?, console: Console) throws -> RunPlan {
        let book = try BookLayout.book(for: paths)
        for warning in book.warnings { console.error(warning) }
        return try RunPlan(book: book, paths: paths, output: output)
    }

    /// `findPlan`, its mistakes as the command's end: one on the command line
    /// is a usage error, one in the book is printed at its place (status 2).
    func plan(output: String?, console: Console) throws -> RunPlan {
        do {
            return try findPlan(output: output, console: console)
        } catch let error as BookError {
            if case let .commandLine(message) = error { throw ValidationError(message) }
            for line in error.messages { console.error(line) }
            throw ExitCode(2)
        }
    }

    /// The runner of `plan` with these options, its workers this executable's `worker` command.
    func runner(_ plan: RunPlan, cacheFolder: String?, drawsPages: Bool) -> BookRunner {
        BookRunner(
            plan: plan, timeLimit: timeLimit, jobs: chapterJobs, cacheFolder: cacheFolder,
            drawsPages: drawsPages, worker: Worker.command)
    }
}
