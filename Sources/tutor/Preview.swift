import ArgumentParser
import Foundation
import Runner

/// `tutor preview`: the author's loop. Renders the book as `run` does, serves
/// the output folder on 127.0.0.1, and renders again whenever a source is
/// saved; open pages reload themselves.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the book, serve it on 127.0.0.1, and render it again on every save.",
        discussion: """
            Writes the output folder as run does and serves it at http://127.0.0.1:PORT/. The \
            chapters, the files beside them and the data files they read are looked at every \
            0.3 s; after a save the book runs again (unchanged chapters come from the cache) and \
            open pages reload. Errors show on the terminal and in the page. The files written stay \
            free of script: the reload script is added to pages only as they are served. Ctrl-C \
            stops the preview (exit status 0).

            Example: tutor preview chapters/   or   tutor preview chapters/ --port 0 --output /tmp/book
            """
    )

    @OptionGroup var book: BookOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into and serve.", valueName: "dir"))
    var output = "output"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The port to serve on, on 127.0.0.1 only; 0 picks a free port.",
            valueName: "n"))
    var port = 8000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() throws {
        let state = PreviewState()
        let server: PreviewServer
        do {
            server = try PreviewServer(folder: output, port: UInt16(port), state: state)
        } catch {
            Self.say("tutor: \(error)")
            throw ExitCode(2)
        }
        let stop = PreviewStop()
        stop.install { Self.say("tutor preview: stopped") }
        server.start()
        Self.say("tutor preview: serving \(server.address) (Ctrl-C stops)")

        // The cache `run` keeps by default: a chapter rendered by either is not run again by the other.
        let rendering = BookRendering(options: book, output: output, usesCache: true)
        let watcher = SourceWatcher(paths: book.paths, excluded: [output])
        var dataFiles: [String] = []
        while true {
            let before = watcher.snapshot(dataFiles: dataFiles)
            switch rendering.render(write: stop.unlessStopping) {
            case let .rendered(result):
                dataFiles = result.chapters.flatMap(\.dataFiles)
                state.publish(failure: nil)
                Self.say("tutor preview: rendered \(Self.describe(result)); open pages reload")
            case let .failed(messages):
                for message in messages { Self.say(message) }
                state.publish(failure: messages)
                Self.say("tutor preview: the book could not be rendered; its pages show why")
            }
            let baseline = watcher.baseline(before: before, dataFiles: dataFiles)
            let changed = watcher.waitForChange(from: baseline, dataFiles: dataFiles)
            let named =
                changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            Self.say("tutor preview: \(named) changed; rendering again")
        }
    }

    private static func describe(_ result: BookResult) -> String {
        let chapters = result.chapters.count == 1 ? "1 chapter" : "\(result.chapters.count) chapters"
        switch result.status {
        case .passed: return "\(chapters), every check passed"
        case .failed: return "\(chapters), some checks failed"
        case .error: return "\(chapters), with errors"
        }
    }

    private static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
