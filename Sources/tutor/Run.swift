import ArgumentParser
import Foundation
import Render
import Runner

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run chapters and write the annotated book.",
        discussion: """
            Examples:
              tutor run chapters/                   the book, into output/
              tutor run chapters/03-neuron.md       one chapter; the other pages stay
              tutor run chapters/ -o /tmp/x --format html,json
            """
    )

    @OptionGroup var book: BookOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into.", valueName: "dir"))
    var output = "output"

    @Option(name: .long, help: ArgumentHelp(
        "What to write, comma-separated: html (a page per chapter and index.html), md (GitHub Markdown), json (report.json).",
        valueName: "formats"))
    var format = "html,md,json"

    @Option(name: .long, help: ArgumentHelp(
        "Where results are kept between runs (default: .tutor-cache in the book's folder): a chapter runs again from its first changed block.",
        valueName: "dir"))
    var cache: String?

    @Flag(name: .long, help: "Run every chapter, ignoring (and not updating) the cache.")
    var noCache = false

    func validate() throws {
        _ = try formats()
    }

    func formats() throws -> Set<OutputFormat> {
        var result = Set<OutputFormat>()
        for word in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let f = OutputFormat(rawValue: word) else {
                throw ValidationError("unknown format '\(word)'; choose from html, md, json")
            }
            result.insert(f)
        }
        guard !result.isEmpty else { throw ValidationError("--format needs at least one of html, md, json") }
        return result
    }

    func run() throws {
        let session = try BookSession(options: book)
        try BookLayout.checkOutput(output, book: session.book)
        try session.checkNames()
        let folder = cache ?? session.defaultCacheFolder
        let store = noCache ? nil : ChapterCache(directory: folder)
        let result = session.run(cache: store)
        do {
            let writer = OutputWriter(directory: output)
            try writer.prepare()
            for warning in try BookOutput(formats: try formats(), book: session.book).write(result, with: writer) {
                session.console.error(warning)
            }
        } catch let error as OutputError {
            session.console.error("tutor: \(error); the output folder '\(output)' was left as it was")
            throw ExitCode(2)
        } catch {
            session.console.error("tutor: cannot write to '\(output)': \(error)")
            throw ExitCode(2)
        }
        throw ExitCode(result.exitStatus)
    }
}

enum OutputFormat: String {
    case html, md, json
}
