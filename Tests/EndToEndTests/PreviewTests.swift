import Foundation
import XCTest

/// `tutor preview` end to end: the built binary on a copy of a small book,
/// spoken to over real HTTP, its files edited as an author saves them.
final class PreviewTests: XCTestCase {
    /// A book of two chapters, one reading a data file, in a fresh folder.
    static func makeBook() throws -> (root: URL, book: URL) {
        let root = try TutorProcess.temporaryFolder()
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data("# Sums\n\nThe data are summed.\n\n```tutor\ndata d = csv(\"d.csv\")\nshow sum(d)\n```\n".utf8)
            .write(to: book.appendingPathComponent("01-sums.md"))
        try Data("1,2\n3,4\n".utf8).write(to: book.appendingPathComponent("d.csv"))
        try FileManager.default.copyItem(
            at: TutorProcess.fixtures.appendingPathComponent("passing/01-line.md"),
            to: book.appendingPathComponent("02-line.md"))
        return (root, book)
    }

    /// Saves `file` with `old` replaced by `new`, as an editor does: a new file renamed into place.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file, options: .atomic)
    }

    /// The served page without the one script preview adds.
    static func withoutReloadScript(_ page: String) -> String {
        guard let start = page.range(of: "<script>"),
            let end = page.range(of: "</script>\n", range: start.upperBound..<page.endIndex)
        else { return page }
        return page.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    }

    func testPreviewServesTheBookAndRendersItAgainOnEverySave() throws {
        let (root, book) = try Self.makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let preview = try PreviewProcess(["book", "--port", "0", "--output", "out"], in: root)
        XCTAssertEqual(try preview.waitForVersion(after: 0), 1)
        let port = preview.port

        // An open page's event stream, held open while the other requests are served.
        let events = try EventStream(port: port)
        XCTAssertEqual(try events.next(), "1")

        let index = try RawHTTP.get("/", port: port)
        XCTAssertEqual(index.status, 200)
        XCTAssertEqual(index.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(index.text.contains("new EventSource(\"/_tutor/events\")"), index.text)

        let page = try RawHTTP.get("/02-line.html", port: port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<title>Fitting a line</title>"))
        XCTAssertTrue(page.text.contains("<script>"))
        let onDisk = try String(contentsOf: output.appendingPathComponent("02-line.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("<script"), "the page written is free of script")
        XCTAssertEqual(Self.withoutReloadScript(page.text), onDisk, "served: the page written, plus the script")

        let head = try RawHTTP.get("/02-line.html", port: port, method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], "\(page.body.count)")
        XCTAssertTrue(head.body.isEmpty)

        for (target, type) in [
            ("/report.json", "application/json"), ("/02-line.md", "text/markdown; charset=utf-8"),
            ("/02-line/line-14-training.svg", "image/svg+xml"),
        ] {
            let reply = try RawHTTP.get(target, port: port)
            XCTAssertEqual(reply.status, 200, target)
            XCTAssertEqual(reply.headers["content-type"], type, target)
            let file = try Data(contentsOf: output.appendingPathComponent(String(target.dropFirst())))
            XCTAssertEqual(reply.body, file, "\(target) is served as written")
        }
        let missing = try RawHTTP.get("/no-such-page.html", port: port)
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("No page of the book is at <code>/no-such-page.html</code>"), missing.text)
        let post = try RawHTTP.send("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", port: port)
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")

        // A data file saved: its chapter runs again with the new data.
        try Data("1,2\n3,5\n".utf8).write(to: book.appendingPathComponent("d.csv"), options: .atomic)
        XCTAssertEqual(try events.next(), "2")
        XCTAssertEqual(try preview.version(), 2)
        XCTAssertTrue(try RawHTTP.get("/report.json", port: port).text.contains("\"value\": 11"))
        XCTAssertTrue(preview.printed("book/d.csv changed; rendering again"), preview.standardError)

        // A prose edit: the page has the new words.
        let chapter = book.appendingPathComponent("02-line.md")
        try Self.edit(chapter, replacing: "# Fitting a line", with: "# Fitting a straight line")
        XCTAssertEqual(try events.next(), "3")
        XCTAssertTrue(
            try RawHTTP.get("/02-line.html", port: port).text.contains("<title>Fitting a straight line</title>"))

        // An error: at the top of the chapter's page, and on the terminal with its place.
        try Self.edit(chapter, replacing: "show w, b", with: "show w, nothing_here")
        XCTAssertEqual(try events.next(), "4")
        let failed = try RawHTTP.get("/02-line.html", port: port).text
        XCTAssertTrue(failed.contains("<p>This chapter has an error.</p>"), failed)
        XCTAssertTrue(failed.contains("unknown name &#39;nothing_here&#39;"), failed)
        XCTAssertTrue(
            preview.printed("book/02-line.md:17:9: error: unknown name 'nothing_here'"), preview.standardError)

        // A book that cannot be rendered at all: every page says why, until it is fixed.
        let clash = book.appendingPathComponent("index.md")
        try Data("# Index\n".utf8).write(to: clash)
        XCTAssertEqual(try events.next(), "5")
        for target in ["/", "/02-line.html"] {
            let reply = try RawHTTP.get(target, port: port)
            XCTAssertEqual(reply.status, 500, target)
            XCTAssertTrue(reply.text.contains("The book could not be rendered"), reply.text)
            // Escaped as the pages escape text.
            XCTAssertTrue(
                reply.text.contains("its page &#39;index.html&#39; would replace the book&#39;s index"), reply.text)
            XCTAssertTrue(reply.text.contains("new EventSource("), "the error page reloads when fixed")
        }
        XCTAssertTrue(preview.printed("book/index.md:1:1: error:"), preview.standardError)
        try FileManager.default.removeItem(at: clash)
        XCTAssertEqual(try events.next(), "6")
        XCTAssertEqual(try RawHTTP.get("/", port: port).status, 200)

        XCTAssertEqual(preview.interrupt(), 0, preview.standardError)
        XCTAssertTrue(waitUntil { preview.standardError.hasSuffix("tutor preview: stopped\n") }, preview.standardError)
        // What was written is what run writes: no script, no address of the preview, no temporary files.
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        var files = 0
        while let name = enumerator?.nextObject() as? String {
            let path = output.appendingPathComponent(name).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files += 1
            XCTAssertFalse((name as NSString).lastPathComponent.hasPrefix("."), "left behind: \(name)")
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            XCTAssertFalse(text.contains("<script") || text.contains("_tutor/"), "\(name) has the preview's script")
        }
        XCTAssertGreaterThanOrEqual(files, 6)
    }

    func testOnlyFilesInsideTheOutputFolderAreServed() throws {
        let (root, _) = try Self.makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = "the secret beside the output folder"
        try Data(secret.utf8).write(to: root.appendingPathComponent("secret.txt"))
        let preview = try PreviewProcess(["book", "--port", "0", "--output", "out"], in: root)
        XCTAssertEqual(try preview.waitForVersion(after: 0), 1)
        let output = root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("escape.txt").path,
            withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("up").path,
            withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("inside.html").path,
            withDestinationPath: "index.html")

        let refusals: [(String, Int)] = [
            ("/../secret.txt", 403), ("/%2e%2e/secret.txt", 403), ("/%2E%2E%2Fsecret.txt", 403),
            ("/..%2fsecret.txt", 403), ("/02-line/../../secret.txt", 403), ("/..\\..//secret.txt", 404),
            ("/escape.txt", 403), ("/up/secret.txt", 403),
            ("http://127.0.0.1/../secret.txt", 400), ("secret.txt", 400), ("*", 400),
            ("/%zz", 400), ("/%00secret.txt", 400), ("/%ff%fe", 400),
            ("/etc/passwd", 404), ("//etc/passwd", 404), ("/.hidden", 404),
        ]
        for (target, status) in refusals {
            let reply = try RawHTTP.get(target, port: preview.port)
            XCTAssertEqual(reply.status, status, target)
            XCTAssertFalse(reply.text.contains(secret), target)
            XCTAssertFalse(reply.text.contains("root:"), target)
        }
        // A link that stays inside the folder is served.
        let inside = try RawHTTP.get("/inside.html", port: preview.port)
        XCTAssertEqual(inside.status, 200)
        XCTAssertTrue(inside.text.contains("<title>"))
        XCTAssertEqual(try RawHTTP.send("hello\r\n\r\n", port: preview.port).status, 400)

        // The port is taken now: a second preview on it says so and stops.
        let second = try TutorProcess.run(
            ["preview", "book", "--port", "\(preview.port)", "--output", "out2"], in: root)
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(
            second.standardError.contains("cannot serve on 127.0.0.1:\(preview.port): Address already in use"),
            second.standardError)
        XCTAssertEqual(preview.interrupt(), 0, preview.standardError)
    }

    func testWrongPortIsAWrongCommandLine() throws {
        let wrong = try TutorProcess.run(["preview", "book", "--port", "70000"])
        XCTAssertEqual(wrong.status, 64)
        XCTAssertTrue(wrong.standardError.contains("--port must be from 0 to 65535, not 70000"), wrong.standardError)
    }
}
