import Foundation
import Render
import Runner

/// One rendering of the book into a folder, by the path `tutor run` takes:
/// the session finds and runs the chapters (through the cache), `BookOutput`
/// writes every format. Whatever stops it before the chapters run, or while
/// the pages are written, comes back as messages instead of ending the
/// process, so that a preview can show them and wait for a fix.
struct BookRendering {
    let options: BookOptions
    let output: String
    /// Whether results are kept between renderings, where `run` keeps them.
    let usesCache: Bool

    enum Outcome {
        /// The chapters ran (each may have failed on its own); the pages are written.
        case rendered(BookResult)
        /// The book could not be rendered: why, one message a line.
        case failed([String])
    }

    /// Runs the book; `write` is called around the writing of the pages, and
    /// skips it (the run is then a failure) when it does not call its argument.
    func render(write: (() -> Void) -> Void) -> Outcome {
        let session: BookSession
        do {
            session = try BookSession(options: options)
            try BookLayout.checkOutput(output, book: session.book)
        } catch {
            return .failed(["tutor: \(error)"])
        }
        let collisions = BookLayout.collisions(of: session.chapters.map(\.display))
        guard collisions.isEmpty else {
            return .failed(collisions.map { "\($0.file):1:1: error: \($0.message)" } + ["tutor: nothing was run or written"])
        }
        let cache = usesCache
            ? ChapterCache(directory: session.defaultCacheFolder) : nil
        let result = session.run(cache: cache)
        var outcome = Outcome.failed(["tutor: stopped before the pages were written"])
        write {
            do {
                let writer = OutputWriter(directory: output)
                try writer.prepare()
                for warning in try BookOutput(formats: [.html, .md, .json], book: session.book).write(result, with: writer) {
                    session.console.error(warning)
                }
                outcome = .rendered(result)
            } catch let error as OutputError {
                outcome = .failed(["tutor: \(error); the output folder '\(output)' was left as it was"])
            } catch {
                outcome = .failed(["tutor: cannot write to '\(output)': \(error)"])
            }
        }
        return outcome
    }
}
