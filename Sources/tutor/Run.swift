import ArgumentParser
import Book
import Foundation

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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to write, comma-separated: html (a page per chapter and index.html), md (GitHub Markdown), json (report.json).",
            valueName: "formats"))
    var format = "html,md,json"

    @Option(
        name: .long,
        help: ArgumentHelp(
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
        let console = Console(quiet: book.quiet)
        let plan = try book.plan(output: output, console: console)
        let formats = try formats()
        let cacheFolder = noCache ? nil : cache ?? plan.book.defaultCacheFolder
        let result = book.runner(plan, cacheFolder: cacheFolder, drawsPages: true).run { console.show($0) }
        console.summary(result)
        do {
            for warning in try BookWriter(formats: formats, book: plan.book).write(result, into: output) {
                console.error(warning)
            }
        } catch {
            console.error("tutor: \(error)")
            throw ExitCode(2)
        }
        throw ExitCode(result)
    }
}
