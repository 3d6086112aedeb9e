import ArgumentParser
import Foundation
import Runner

/// One invocation: finds the chapters, runs them, reports on the terminal.
struct BookSession {
    let chapters: [(path: String, display: String)]
    let bookRoot: String
    let console: Console

    init(options: BookOptions) throws {
        console = Console(quiet: options.quiet)
        var found: [(String, String)] = []
        var roots: [String] = []
        for path in options.paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let markdown = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                found += markdown.map { ((path as NSString).appendingPathComponent($0),
                                         (path as NSString).appendingPathComponent($0)) }
                roots.append(path)
            } else {
                found.append((path, path))
                roots.append((path as NSString).deletingLastPathComponent)
            }
        }
        guard !found.isEmpty else { throw ValidationError("no chapters (*.md) in \(options.paths.joined(separator: ", "))") }
        chapters = found
        let absolute = roots.map { URL(fileURLWithPath: $0.isEmpty ? "." : $0).standardizedFileURL.path }
        bookRoot = absolute.dropFirst().reduce(absolute[0]) { commonFolder($0, $1) }
    }

    func run() -> BookResult {
        let runner = ChapterRunner(bookRoot: bookRoot, progress: { [console] event in console.show(event) })
        var results: [ChapterResult] = []
        for chapter in chapters {
            console.starting(chapter.display)
            let result = runner.run(path: chapter.path, displayPath: chapter.display)
            console.finished(result)
            results.append(result)
        }
        let book = BookResult(chapters: results)
        console.summary(book)
        return book
    }
}

/// The deepest folder containing both.
private func commonFolder(_ a: String, _ b: String) -> String {
    let pa = a.split(separator: "/"), pb = b.split(separator: "/")
    let common = zip(pa, pb).prefix { $0 == $1 }.map { String($0.0) }
    return "/" + common.joined(separator: "/")
}
