import Foundation
import XCTest

/// What `run` says while it works: plain lines off a terminal, a live status on one.
final class ProgressTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try TutorProcess.temporaryFolder()
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data(
            "# Train\n\n```tutor\nseed 0\nparam w = 1\nloss L = (w - 3)^2\noptimizer sgd(lr: 0.1)\ntrain 3 epochs\n```\n"
                .utf8
        )
        .write(to: book.appendingPathComponent("01-train.md"))
        try Data("# Fail\n\n```tutor\nlet a = 2\nexpect a == 3\n```\n".utf8)
            .write(to: book.appendingPathComponent("02-fail.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Times change from run to run: every time (`in 1.23 s:`, a line's
    /// last column) becomes `#`.
    func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9]+\\.[0-9]{2}(?= s:|\n)", with: "#", options: .regularExpression)
    }

    func testPlainProgressNamesEveryChapter() throws {
        let first = try TutorProcess.run(["run", "book", "-o", "out", "--jobs", "1"], in: root)
        XCTAssertEqual(first.status, 1, first.standardError)
        XCTAssertEqual(
            withoutTimes(first.standardError),
            """
            running book/01-train.md
              book/01-train.md:8: train 3 epochs: epoch 3/3, loss 1.6384
            done    book/01-train.md in # s: 1 block run
            running book/02-fail.md
            failed  book/02-fail.md in # s: 1 block run, 1 check failed
            book/02-fail.md:5:1: failed: a = 2 not == 3

            chapter           status  passed  failed  xfail  errata  errors  seconds
            ────────────────  ──────  ──────  ──────  ─────  ──────  ──────  ───────
            book/01-train.md  passed       0       0      0       0       0     #
            book/02-fail.md   failed       0       1      0       0       0     #
            ────────────────  ──────  ──────  ──────  ─────  ──────  ──────  ───────
            total                          0       1      0       0       0     #
            2 chapters: 2 run, 0 from the cache, 1 failed

            """)
        XCTAssertFalse(first.standardError.contains("\u{1B}"), "no escape codes off a terminal")

        let second = try TutorProcess.run(["run", "book", "-o", "out", "--jobs", "1"], in: root)
        XCTAssertTrue(
            withoutTimes(second.standardError).hasPrefix(
                """
                cached  book/01-train.md in # s: unchanged
                cached  book/02-fail.md in # s: unchanged, 1 check failed
                book/02-fail.md:5:1: failed: a = 2 not == 3

                """), second.standardError)
        XCTAssertTrue(
            second.standardError.hasSuffix("2 chapters: 0 run, 2 from the cache, 1 failed\n"), second.standardError)

        let quiet = try TutorProcess.run(
            ["run", "book", "-o", "out", "--jobs", "1", "--quiet", "--no-cache"], in: root)
        XCTAssertTrue(quiet.standardError.hasPrefix("book/02-fail.md:5:1: failed: "), quiet.standardError)
        XCTAssertFalse(quiet.standardError.contains("running"), quiet.standardError)
    }

    /// On a pseudo-terminal (through `script`): a live line per running
    /// chapter, drawn at once, erased and replaced by the chapter's mark.
    func testATerminalGetsALiveStatus() throws {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = [TutorProcess.binary.path, "run", "book", "-o", "out", "--jobs", "1", "--no-cache"].joined(
            separator: " ")
        script.arguments = ["-qec", command, "/dev/null"]
        script.currentDirectoryURL = root
        let output = Pipe()
        script.standardOutput = output
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        script.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertTrue(text.hasPrefix("book/01-train.md  0 s"), text)
        XCTAssertTrue(text.contains("\r\u{1B}[Jdone    book/01-train.md in "), text)
        XCTAssertTrue(text.contains("\nbook/02-fail.md  0 s"), text)
        XCTAssertTrue(text.contains("\r\u{1B}[Jfailed  book/02-fail.md in "), text)
        XCTAssertFalse(text.contains("running book/"), "no plain start lines on a terminal")
    }
}
