import ArgumentParser
import Foundation

/// The options `run` and `check` share.
struct BookOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Chapters to run: Markdown files, or folders whose *.md files run in name order.",
        discussion: "Example: tutor run chapters/  or  tutor run chapters/03-one-neuron.md"))
    var paths: [String]

    @Flag(name: .long, help: "Print no progress, only errors and the summary.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "Seconds a chapter may run (at most a week); a chapter past it stops at the running statement with an error.",
        valueName: "seconds"))
    var timeout: Double = 300

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Chapters run at once (default: the number of cores). The output is the same for any value.",
        valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// A week: longer limits (and infinity) are refused rather than overflow a clock.
    static let longestTimeout: Double = 7 * 24 * 3600

    func validate() throws {
        guard timeout > 0, timeout <= Self.longestTimeout else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(Self.longestTimeout)) (a week), not \(timeout)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}
