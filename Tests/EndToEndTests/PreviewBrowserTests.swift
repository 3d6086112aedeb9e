import Foundation
import XCTest

/// The preview in a real browser: headless Chromium gets the page with its
/// reload script (the file on disk has none), and a page left open reloads by
/// itself when its chapter is saved.
final class PreviewBrowserTests: XCTestCase {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)
    }

    static func options(profile: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,900",
            "--user-data-dir=\(profile.path)",
        ]
    }

    func testServedPageHasTheScriptAndReloadsOnSave() throws {
        guard let chromium = Self.chromium else {
            throw XCTSkip(
                "chromium is not installed (apt-get install -y chromium); the preview's browser test is skipped")
        }
        let (root, book) = try PreviewTests.makeBook()
        defer { try? FileManager.default.removeItem(at: root) }
        let preview = try PreviewProcess(["book", "--port", "0", "--output", "out"], in: root)
        XCTAssertEqual(try preview.waitForVersion(after: 0), 1)
        let address = "http://127.0.0.1:\(preview.port)/02-line.html"

        let dump = try runChromium(
            chromium,
            Self.options(profile: root.appendingPathComponent("dump-profile"))
                + ["--dump-dom", address])
        XCTAssertEqual(dump.status, 0, dump.output)
        XCTAssertTrue(dump.output.contains("new EventSource(\"/_tutor/events\")"), "the DOM lacks the reload script")
        XCTAssertTrue(dump.output.contains("<math"), "the DOM lacks the page's formulas")
        let written = try String(contentsOf: root.appendingPathComponent("out/02-line.html"), encoding: .utf8)
        XCTAssertFalse(written.contains("EventSource") || written.contains("<script"))

        // A browser left open on the page; DevTools' list of pages gives each page's title.
        let profile = root.appendingPathComponent("open-profile")
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: chromium)
        browser.arguments = Self.options(profile: profile) + ["--remote-debugging-port=0", address]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        defer {
            browser.terminate()
            browser.waitUntilExit()
        }
        var devToolsPort: UInt16?
        waitUntil {
            let text =
                (try? String(contentsOf: profile.appendingPathComponent("DevToolsActivePort"), encoding: .utf8)) ?? ""
            devToolsPort = text.split(separator: "\n").first.flatMap { UInt16($0) }
            return devToolsPort != nil
        }
        let port = try XCTUnwrap(devToolsPort, "chromium did not open its DevTools port")
        func titles() -> [String] {
            guard let reply = try? RawHTTP.get("/json/list", port: port),
                let pages = try? JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]]
            else { return [] }
            return pages.filter { $0["url"] as? String == address }.compactMap { $0["title"] as? String }
        }
        XCTAssertTrue(waitUntil { titles() == ["Fitting a line"] }, "the page did not open: \(titles())")
        try PreviewTests.edit(
            book.appendingPathComponent("02-line.md"), replacing: "# Fitting a line",
            with: "# Fitting a line, saved")
        XCTAssertTrue(
            waitUntil { titles() == ["Fitting a line, saved"] },
            "the open page did not reload: \(titles())\n\(preview.standardError)")
        XCTAssertEqual(preview.interrupt(), 0, preview.standardError)
    }

    private func runChromium(_ chromium: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
