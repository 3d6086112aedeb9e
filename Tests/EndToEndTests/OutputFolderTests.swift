import Foundation
import XCTest

/// What needs more than one file: the output folder against the book, runs of
/// one chapter into a folder holding the whole book, names that collide, and
/// folders that cannot be written. The author's files are never changed, and
/// a run that cannot finish leaves the previous output as it was.
final class OutputFolderTests: XCTestCase {
    static let chapterOne = "# One\n\n```tutor\nlet a = 2\nexpect a * a == 4\n```\n"
    static let chapterTwo = "# Two\n\n```tutor\nlet b = 3\nexpect b + b == 6\n```\n"

    /// A folder holding `book/` with the given chapters (name → text).
    func makeBook(_ chapters: [String: String] = ["01-one.md": chapterOne, "02-two.md": chapterTwo]) throws -> URL {
        let root = try TutorProcess.temporaryFolder()
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        for (name, text) in chapters {
            let url = book.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Every file under `folder`, relative path → bytes.
    func contents(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    func testAnOutputFolderThatIsTheBookIsRefusedAndNothingChanges() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        let before = contents(of: book)
        for (arguments, directory) in [
            (["run", "book", "-o", "book"], root), (["run", ".", "-o", "."], book),
            (["run", "book", "-o", "book/out"], root), (["run", "book", "-o", "."], root),
            (["run", "book/01-one.md", "-o", "book/"], root),
        ] {
            let process = try TutorProcess.run(arguments + ["--no-cache"], in: directory)
            XCTAssertEqual(process.status, 64, "\(arguments)\n\(process.standardError)")
            XCTAssertTrue(process.standardError.contains("folder of chapters"), process.standardError)
            XCTAssertEqual(contents(of: book), before, "\(arguments) changed the book")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
    }

    func testAnOutputFolderReachedThroughALinkIsStillTheBook() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("alias").path, withDestinationPath: "book")
        let process = try TutorProcess.run(["run", "book", "-o", "alias", "--no-cache"], in: root)
        XCTAssertEqual(process.status, 64, process.standardError)
        XCTAssertEqual(contents(of: root.appendingPathComponent("book")).count, 2)
    }

    func testOneChapterRunKeepsTheOtherChaptersInIndexAndReport() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let whole = contents(of: output)
        let one = try TutorProcess.run(["run", "book/02-two.md", "-o", "out", "--no-cache"], in: root)
        XCTAssertEqual(one.status, 0, one.standardError)
        XCTAssertEqual(contents(of: output), whole, "a one-chapter run of an unchanged chapter writes the same book")

        // An edited chapter: its page and its entries change, the other chapter's stay.
        try Data(Self.chapterTwo.replacingOccurrences(of: "b + b == 6", with: "b + b == 7").utf8)
            .write(to: root.appendingPathComponent("book/02-two.md"))
        XCTAssertEqual(try TutorProcess.run(["run", "book/02-two.md", "-o", "out", "--no-cache"], in: root).status, 1)
        let after = contents(of: output)
        XCTAssertEqual(after["01-one.html"], whole["01-one.html"])
        XCTAssertEqual(after["01-one.md"], whole["01-one.md"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: after["report.json"] ?? Data()) as? [String: Any])
        let chapters = try XCTUnwrap(report["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.map { $0["file"] as? String }, ["book/01-one.md", "book/02-two.md"])
        XCTAssertEqual(chapters.map { $0["status"] as? String }, ["passed", "failed"])
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["chapters"] as? Int, 2)
        XCTAssertEqual(summary["failed"] as? Int, 1)
        let index = String(decoding: after["index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(index.contains("href=\"01-one.html\"") && index.contains("href=\"02-two.html\""), index)
        let page = String(decoding: after["02-two.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains("href=\"01-one.html\" rel=\"prev\""), "the neighbour link survives")
    }

    func testAChapterRemovedFromTheBookLeavesIndexReportAndPages() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("book/01-one.md"))
        XCTAssertEqual(try TutorProcess.run(["run", "book/02-two.md", "-o", "out", "--no-cache"], in: root).status, 0)
        let names = Set(contents(of: root.appendingPathComponent("out")).keys)
        XCTAssertEqual(names, ["02-two.html", "02-two.md", "index.html", "report.json"])
    }

    func testFilesThatAreNotChaptersAreRefusedNotRun() throws {
        let root = try makeBook(["01-one.md": Self.chapterOne, "README.md": "# About\n", "data.csv": "1,2\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let output = root.appendingPathComponent("out")
        let before = contents(of: output)
        XCTAssertNil(before["README.html"], "a folder's README is not a chapter")
        for argument in ["book/README.md", "book/data.csv", "book/readme.MD"] {
            if argument.hasSuffix("MD") { try Data("x".utf8).write(to: root.appendingPathComponent(argument)) }
            for command in ["run", "check"] {
                let process = try TutorProcess.run(
                    [command, argument, "--no-cache"].filter { command == "run" || $0 != "--no-cache" }
                        + (command == "run" ? ["-o", "out"] : []), in: root)
                XCTAssertEqual(process.status, 64, "\(command) \(argument)\n\(process.standardError)")
                XCTAssertTrue(process.standardError.contains("not a chapter"), process.standardError)
            }
            XCTAssertEqual(contents(of: output), before, "\(argument) changed the output")
        }
    }

    func testNamesThatCollideAreFoundBeforeAnythingIsWritten() throws {
        let long = String(repeating: "a", count: 251) + ".md"  // 254 bytes: its page would have 256
        let books: [(String, [String: String], String)] = [
            ("index", ["01-one.md": Self.chapterOne, "index.md": Self.chapterTwo], "book/index.md:1:1"),
            ("two folders", ["01-one.md": Self.chapterOne, "more/01-one.md": Self.chapterTwo], "01-one.md:1:1"),
            ("md.md", ["01-a.md": Self.chapterOne, "01-a.md.md": Self.chapterTwo], "01-a.md"),
            ("long name", ["01-one.md": Self.chapterOne, long: Self.chapterTwo], "too long"),
            ("only .md", ["01-one.md": Self.chapterOne, "more/.md": Self.chapterTwo], ".md"),
        ]
        for (name, chapters, message) in books {
            let root = try makeBook(chapters)
            defer { try? FileManager.default.removeItem(at: root) }
            var paths = ["book"]
            if chapters.keys.contains(where: { $0.hasPrefix("more/") }) {
                paths.append(chapters.keys.contains("more/.md") ? "book/more/.md" : "book/more")
            }
            for command in ["run", "check"] {
                let process = try TutorProcess.run(
                    [command] + paths + (command == "run" ? ["-o", "out", "--no-cache"] : []),
                    in: root)
                XCTAssertTrue(
                    [2, 64].contains(process.status),
                    "\(name): \(command) gave \(process.status)\n\(process.standardError)")
                XCTAssertTrue(process.standardError.contains(message), "\(name): \(process.standardError)")
                XCTAssertFalse(
                    FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path),
                    "\(name): something was written")
            }
        }
    }

    func testAChapterNamedTwiceRunsOnce() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let process = try TutorProcess.run(
            ["run", "book", "book/01-one.md", "./book/01-one.md", "-o", "out", "--no-cache"],
            in: root)
        XCTAssertEqual(process.status, 0, process.standardError)
        XCTAssertEqual(process.standardError.components(separatedBy: "running ").count - 1, 2)
    }

    func testTwoRunsIntoOneFolderAtOnceBothFinishWhole() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        for round in 0..<4 {
            let group = DispatchGroup()
            let statuses = StatusList()
            for _ in 0..<2 {
                group.enter()
                DispatchQueue.global().async {
                    let process = try? TutorProcess.run(
                        ["run", "book", "-o", "out", "--no-cache", "--quiet"], in: root)
                    statuses.append(process?.status ?? -2, process?.standardError ?? "")
                    group.leave()
                }
            }
            group.wait()
            XCTAssertEqual(statuses.statuses, [0, 0], "round \(round): \(statuses.messages)")
            let names = Set(contents(of: root.appendingPathComponent("out")).keys)
            XCTAssertEqual(
                names, ["01-one.html", "01-one.md", "02-two.html", "02-two.md", "index.html", "report.json"])
        }
    }

    /// A run killed while writing leaves only its temporary files (pages are
    /// renamed into place whole); the next run removes those of dead processes
    /// and keeps those of a run still writing.
    func testTemporaryFilesOfAKilledRunAreRemoved() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        try Data("half a page".utf8).write(to: output.appendingPathComponent(".tutor-\(dead)-3.tmp"))
        try Data("still writing".utf8).write(to: output.appendingPathComponent(".tutor-\(getpid())-1.tmp"))
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(names, [".tutor-\(getpid())-1.tmp"])
    }

    func testAChapterNamedLikeAScriptAddressIsLinkedAsAFile() throws {
        let name = "javascript:alert(document.domain)%2F%2F.md"
        let root = try makeBook(["01-one.md": Self.chapterOne, name: Self.chapterTwo])
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let output = contents(of: root.appendingPathComponent("out"))
        XCTAssertNotNil(output["javascript:alert(document.domain)%2F%2F.html"])
        for page in ["index.html", "01-one.html"] {
            let html = String(decoding: output[page] ?? Data(), as: UTF8.self)
            XCTAssertFalse(html.contains("href=\"javascript:"), page)
            XCTAssertTrue(html.contains("href=\"javascript%3Aalert%28document.domain%29%252F%252F.html\""), page)
        }
    }

    func testAFIFONamedAsAChapterIsAnErrorNotAHang() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(mkfifo(root.appendingPathComponent("book/03-pipe.md").path, 0o644), 0)
        let process = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root, timeout: 30)
        XCTAssertEqual(process.status, 2, process.standardError)
        XCTAssertTrue(process.standardError.contains("book/03-pipe.md:1:1"), process.standardError)
        XCTAssertNotNil(contents(of: root.appendingPathComponent("out"))["02-two.html"])
    }

    func testACorruptedCacheEntryIsAMiss() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["run", "book", "-o", "out", "--cache", "cache"]
        XCTAssertEqual(try TutorProcess.run(arguments, in: root).status, 0)
        let output = root.appendingPathComponent("out")
        let whole = contents(of: output)
        let cache = root.appendingPathComponent("cache")
        let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter {
            $0.hasSuffix("/chapter")
        }
        XCTAssertEqual(entries.count, 2, "one entry per chapter")
        for (number, name) in entries.enumerated() {
            let url = cache.appendingPathComponent(name)
            var data = try Data(contentsOf: url)
            // One entry with a byte changed, the other cut short.
            if number == 0 { data[data.count / 2] ^= 0x10 } else { data = data.prefix(data.count / 2) }
            try data.write(to: url)
        }
        let second = try TutorProcess.run(arguments, in: root)
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertFalse(second.standardError.contains("cached  book/"), second.standardError)
        XCTAssertTrue(second.standardError.contains("done    book/01-one.md"), second.standardError)
        XCTAssertEqual(contents(of: output), whole)
    }
}

extension OutputFolderTests {
    /// A small tmpfs at `folder` (root only), unmounted by the returned closure.
    func mountSmallDisk(at folder: URL, kilobytes: Int) throws -> () -> Void {
        try XCTSkipUnless(getuid() == 0, "mounting a tmpfs needs root")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let status = try shell("mount -t tmpfs -o size=\(kilobytes)k tmpfs '\(folder.path)'")
        try XCTSkipUnless(status == 0, "cannot mount a tmpfs here")
        return { _ = try? self.shell("umount '\(folder.path)'") }
    }

    @discardableResult
    func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAFullDiskLeavesThePreviousOutputWholeAndNamesTheFile() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let unmount = try mountSmallDisk(at: output, kilobytes: 256)
        defer { unmount() }
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let before = contents(of: output)
        // Fill the disk, then run an edited book whose pages no longer fit.
        try shell("dd if=/dev/zero of='\(output.path)/.filler' bs=1k count=1024")
        try Data(Self.chapterTwo.replacingOccurrences(of: "b + b == 6", with: "b + b == 7").utf8)
            .write(to: root.appendingPathComponent("book/02-two.md"))
        let full = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root)
        XCTAssertEqual(full.status, 2, full.standardError)
        XCTAssertTrue(
            full.standardError.contains("cannot write '") && full.standardError.contains("out/"), full.standardError)
        XCTAssertTrue(full.standardError.contains("No space left on device"), full.standardError)
        var after = contents(of: output)
        after[".filler"] = nil
        XCTAssertEqual(after, before, "a run that could not write changed nothing, and left no temporary file")
    }

    func testAReadOnlyOutputFolderIsAnErrorNamingIt() throws {
        let root = try makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let unmount = try mountSmallDisk(at: output, kilobytes: 256)
        defer { unmount() }
        XCTAssertEqual(try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root).status, 0)
        let before = contents(of: output)
        XCTAssertEqual(try shell("mount -o remount,ro '\(output.path)'"), 0)
        let process = try TutorProcess.run(["run", "book", "-o", "out", "--no-cache"], in: root)
        XCTAssertEqual(process.status, 2, process.standardError)
        XCTAssertTrue(process.standardError.contains("'out"), process.standardError)
        XCTAssertEqual(contents(of: output), before)
    }
}

/// Exit statuses collected from several threads.
final class StatusList: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var statuses: [Int32] = []
    private(set) var messages: [String] = []

    func append(_ status: Int32, _ message: String) {
        lock.lock(); defer { lock.unlock() }
        statuses.append(status)
        messages.append(message)
    }
}
