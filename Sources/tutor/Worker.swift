import ArgumentParser
import Book
import Foundation
import Runner

/// `tutor worker`: runs one chapter in a process of its own (`WorkerJob`);
/// started by `run` and `check`, never by hand.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs one chapter for run and check (internal).", shouldDisplay: false)

    @Argument var chapter: String
    @Option var display: String
    @Option var bookRoot: String
    @Option var timeout: Double
    @Option var result: String
    /// The block cache's folder and the tool's identity; without them every block runs.
    @Option var cache: String?
    @Option var tool: String?
    /// Given by `run`, which writes pages; `check` writes none, so nothing is drawn.
    @Flag var drawPages = false

    /// This command, as the book's runner starts it: the running executable
    /// (not the name it was called by, which may not be on the path).
    static var command: WorkerCommand {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return WorkerCommand(executable: executable, arguments: [_commandName])
    }

    func run() throws {
        WorkerJob.limitMemory()  // the process is tuned for training already (`Tutor.main`)
        let blocks = cache.flatMap { folder in tool.map { BlockCache(directory: folder, toolIdentity: $0) } }
        let job = WorkerJob(
            chapter: chapter, display: display, bookRoot: bookRoot, timeLimit: timeout,
            resultFile: result, cache: blocks, drawsPages: drawPages)
        do {
            try job.run()
        } catch WorkerJob.Failure.noResult {
            throw ExitCode(70)  // EX_SOFTWARE
        } catch WorkerJob.Failure.cannotWriteResult {
            throw ExitCode(73)  // EX_CANTCREAT
        }
    }
}
