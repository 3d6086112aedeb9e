import Foundation
import XCTest

/// Runs the hostile-input corpus (`BadInputCorpus`) as one book, with `tutor
/// check` and with `tutor run`: every case gives its outcome with a located
/// message, no process dies of a signal or hangs, every chapter's pages are
/// written, and nothing is written outside the output folder.
final class BadInputCorpusTests: XCTestCase {
    func testEveryCaseOfTheCorpus() throws {
        let cases = BadInputCorpus.cases
        XCTAssertGreaterThanOrEqual(cases.count + BadInputTests.cases.count, 200)
        XCTAssertEqual(Set(cases.map(\.name)).count, cases.count, "case names are unique")
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        let files = cases.enumerated().map { String(format: "%03d-", $0 + 1) + $1.name + ".md" }
        for (file, badCase) in zip(files, cases) {
            try Data(badCase.bytes).write(to: book.appendingPathComponent(file))
        }
        for (name, bytes) in BadInputCorpus.files { try Data(bytes).write(to: book.appendingPathComponent(name)) }
        try Data("1,2\n".utf8).write(to: root.appendingPathComponent("x.csv"))
        let before = try listing(root)

        let check = try TutorProcess.run(
            ["check", "book", "--jobs", "2", "--quiet", "--timeout", "120"], in: root, timeout: 900)
        let run = try TutorProcess.run(
            ["run", "book", "-o", "out", "--no-cache", "--jobs", "2", "--quiet", "--timeout", "120"],
            in: root, timeout: 900)
        for (command, process) in [("check", check), ("run", run)] {
            XCTAssertEqual(process.status, 2, "\(command): exit status (-1 is a crash or a hang)")
        }
        XCTAssertEqual(try listing(root).subtracting(["out"]), before, "nothing written outside the output folder")

        let report = try Data(contentsOf: root.appendingPathComponent("out/report.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: report) as? [String: Any])
        let statuses = (json["chapters"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
        XCTAssertEqual(statuses.count, cases.count)
        let checkLines = messageLines(check.standardError), runLines = messageLines(run.standardError)
        for (index, badCase) in cases.enumerated() {
            let file = "book/" + files[index]
            for page in [".html", ".md"] {
                let name = String(files[index].dropLast(3)) + page
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(name)").path),
                    "\(badCase.name): \(name) was not written")
            }
            let status = statuses.indices.contains(index) ? statuses[index] : "missing"
            for (command, lines) in [("check", checkLines), ("run", runLines)] {
                let mine = lines[file] ?? []
                switch badCase.outcome {
                case let .error(line, words):
                    let located = mine.filter {
                        $0.range(of: #"^\#(line):\d+: error: "#, options: .regularExpression) != nil
                    }
                    XCTAssertFalse(
                        located.isEmpty, "\(badCase.name) (\(command)): no error at line \(line): \(mine.prefix(3))")
                    if !words.isEmpty {
                        XCTAssertTrue(
                            located.contains { $0.localizedCaseInsensitiveContains(words) },
                            "\(badCase.name) (\(command)): no '\(words)' in \(located.prefix(2))")
                    }
                    XCTAssertEqual(status, "error", "\(badCase.name)")
                case let .failed(line):
                    XCTAssertTrue(
                        mine.contains { $0.range(of: #"^\#(line):\d+: failed: "#, options: .regularExpression) != nil },
                        "\(badCase.name) (\(command)): no failed check at line \(line): \(mine.prefix(3))")
                    XCTAssertEqual(status, "failed", "\(badCase.name)")
                case .passed:
                    XCTAssertEqual(mine, [], "\(badCase.name) (\(command))")
                    XCTAssertEqual(status, "passed", "\(badCase.name)")
                }
            }
        }
    }

    /// The messages on standard error by chapter file: what follows `file:` on each line.
    private func messageLines(_ text: String) -> [String: [String]] {
        var lines: [String: [String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("book/") {
            guard let colon = line.range(of: ".md:") else { continue }
            let file = String(line[..<colon.lowerBound]) + ".md"
            lines[file, default: []].append(String(line[colon.upperBound...].prefix(400)))
        }
        return lines
    }

    private func listing(_ folder: URL) throws -> Set<String> {
        var names = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            if !name.hasPrefix("out/") { names.insert(name) }
        }
        return names
    }
}
