import Book
import Runner

/// One rendering of the book into a folder, by the path `tutor run` takes:
/// `BookRunner` runs the chapters (through the cache), `BookWriter` writes
/// every format. Whatever stops it before the chapters run, or while
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
        let console = Console(quiet: options.quiet)
        let plan: RunPlan
        do {
            plan = try options.findPlan(output: output, console: console)
        } catch let error as BookError {
            return .failed(error.messages)
        } catch {
            return .failed(["tutor: \(error)"])
        }
        let cacheFolder = usesCache ? plan.book.defaultCacheFolder : nil
        let result = options.runner(plan, cacheFolder: cacheFolder, drawsPages: true).run { console.show($0) }
        console.summary(result)
        var outcome = Outcome.failed(["tutor: stopped before the pages were written"])
        write {
            do {
                for warning in try BookWriter(formats: [.html, .md, .json], book: plan.book).write(result, into: output)
                {
                    console.error(warning)
                }
                outcome = .rendered(result)
            } catch {
                outcome = .failed(["tutor: \(error)"])
            }
        }
        return outcome
    }
}
