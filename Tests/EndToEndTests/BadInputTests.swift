import Foundation
import XCTest

/// Bad input, end to end: each case is a book whose first chapter has one
/// mistake and whose second chapter is fine. Every case must give a located
/// error (file:line:column), exit status 2, and still run and render the good
/// chapter — no crash, no hang, no half-written file.
final class BadInputTests: XCTestCase {
    struct Case {
        var name: String
        /// The chapter's bytes.
        var chapter: [UInt8]
        /// `line:column` the error must point at.
        var location: String
        /// Words the message must contain.
        var message: String
        /// Files to put in the book before the run (name → bytes), or links (name → "->target").
        var files: [String: [UInt8]] = [:]
        var links: [String: String] = [:]
        var arguments: [String] = []

        init(
            _ name: String, _ chapter: String, at location: String, _ message: String,
            files: [String: [UInt8]] = [:], links: [String: String] = [:], arguments: [String] = []
        ) {
            self.name = name
            self.chapter = Array(chapter.utf8)
            self.location = location
            self.message = message
            self.files = files
            self.links = links
            self.arguments = arguments
        }

        init(_ name: String, bytes: [UInt8], at location: String, _ message: String) {
            self.name = name
            self.chapter = bytes
            self.location = location
            self.message = message
        }
    }

    /// A chapter whose directive block holds `lines` (the block starts at line 3).
    static func block(_ lines: String) -> String { "# Bad\n\n```tutor\n\(lines)\n```\n" }

    static let goodChapter = "# Good\n\n```tutor\nlet a = 2\nexpect a * a == 4\n```\n"

    static var idxHeader: [UInt8] { [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] }
    static var labelsFile: [UInt8] { [0, 0, 8, 1, 0, 0, 0, 2, 1, 0] }

    static let cases: [Case] = [
        // A syntax error in each kind of statement.
        Case("seed", block("seed x"), at: "4:6", "seed"),
        Case("let", block("let = 3"), at: "4:5", "name"),
        Case("param", block("param W 3"), at: "4:9", "="),
        Case("data", block("data x y = csv(\"a.csv\")"), at: "4:8", "="),
        Case("model", block("model net = dense(2, 3) >>"), at: "4:27", "expression"),
        Case("loss", block("loss L mse(1, 1)"), at: "4:8", "="),
        Case("optimizer", block("optimizer"), at: "4:10", "optimizer"),
        Case("train", block("train epochs"), at: "4:7", "number"),
        Case("step", block("step -1"), at: "4:6", "step"),
        Case("check", block("check gradents"), at: "4:7", "gradients"),
        Case("check formula clause", block("check formula wher x = 1"), at: "4:15", "where"),
        Case("expect", block("expect 1 <"), at: "4:11", "expression"),
        Case("show", block("show"), at: "4:5", "expression"),
        Case("plot", block("plot lose"), at: "4:6", "loss"),
        Case(
            "plot surface", block("param w = 1\nparam b = 1\nplot surface w over w in 1.., b in 0..1"), at: "6:29",
            "expression"),
        Case("unknown statement", block("tarin 10 epochs"), at: "4:1", "did you mean 'train'?"),
        // Unknown names and functions, with a suggestion.
        Case("unknown name", block("let alpha = 1\nshow alpah"), at: "5:6", "did you mean 'alpha'?"),
        Case("unknown function", block("let a = sigmod(1)"), at: "4:9", "did you mean 'sigmoid'?"),
        Case("unknown activation", block("model net = dense(2, 3, reluu)"), at: "4:25", "did you mean 'relu'?"),
        Case("unknown optimizer", block("optimizer adan(lr: 0.1)"), at: "4:11", "adam"),
        // Wrong argument names and types.
        Case("unknown option", block("let a = softmax([1, 2], axs: 1)"), at: "4:25", "did you mean 'axis'?"),
        Case("unknown optimizer option", block("optimizer adam(lr: 0.1, beta_1: 0.9)"), at: "4:11", "beta1"),
        Case("string for a number", block("let a = zeros(\"3\", 2)"), at: "4:15", "string"),
        Case("fractional size", block("let a = ones(2.5, 2)"), at: "4:14", "whole number"),
        Case("too many arguments", block("let a = exp(1, 2)"), at: "4:16", "at most 1"),
        // Shapes.
        Case("matrix product shapes", block("let a = ones(2, 3) @ ones(2, 3)"), at: "4:20", "2×3 and 2×3"),
        Case("broadcast shapes", block("let a = ones(2, 3) + ones(3, 2)"), at: "4:20", "2×3 and 3×2"),
        Case("loss shapes", block("loss L = mse(ones(3, 1), ones(1, 3))"), at: "4:10", "3×1 and 1×3"),
        Case("layer input shape", block("model net = dense(3, 2)\nshow net(ones(4, 5))"), at: "5:6", "n×3"),
        // Data files.
        Case("missing file", block("data x = csv(\"missing.csv\")"), at: "4:10", "missing.csv"),
        Case(
            "truncated IDX", block("data x, y = idx(images: \"i.idx\", labels: \"l.idx\")"), at: "4:13", "truncated",
            files: ["i.idx": idxHeader + [1, 2, 3], "l.idx": labelsFile]),
        Case(
            "corrupt IDX", block("data x, y = idx(images: \"i.idx\", labels: \"l.idx\")"), at: "4:13",
            "not an IDX file",
            files: [
                "i.idx": [9, 9, 9, 9] + Array(idxHeader.dropFirst(4)) + [0, 0, 0, 0, 0, 0, 0, 0], "l.idx": labelsFile,
            ]),
        Case(
            "corrupt gzip", block("data x, y = idx(images: \"i.gz\", labels: \"l.idx\")"), at: "4:13", "i.gz",
            files: ["i.gz": [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6], "l.idx": labelsFile]),
        Case(
            "NaN in data", block("data x = csv(\"n.csv\")"), at: "4:10", "nan",
            files: ["n.csv": Array("1,2\n3,nan\n".utf8)]),
        Case(
            "malformed CSV", block("data x = csv(\"m.csv\")"), at: "4:10", "m.csv:2",
            files: ["m.csv": Array("1,2\n3,four\n".utf8)]),
        // Paths leaving the book.
        Case("dot-dot path", block("data x = csv(\"../outside.csv\")"), at: "4:14", "outside"),
        Case("absolute path", block("data x = csv(\"/etc/hostname\")"), at: "4:14", "absolute"),
        Case(
            "link pointing out", block("data x = csv(\"link.csv\")"), at: "4:14", "outside",
            links: ["link.csv": "/etc/hostname"]),
        // Sizes.
        Case("too large", block("let a = randn(1000000, 1000000)"), at: "4:9", "TiB"),
        // Training that diverges.
        Case(
            "divergence", block("param w = 1e100\nloss L = w^4\noptimizer sgd(lr: 1)\ntrain 10 epochs"),
            at: "7:1", "diverged"),
        // Files that are not chapters.
        Case("empty file", "", at: "1:1", "empty"),
        Case("binary garbage", bytes: [0x23, 0x20, 0xff, 0xfe, 0x00, 0x81, 0x0a], at: "1:3", "UTF-8"),
        Case(
            "invalid UTF-8 in a block",
            bytes: Array("# Bad\n\n```tutor\nlet a = ".utf8) + [0xc3, 0x28]
                + Array("\n```\n".utf8), at: "4:9", "UTF-8"),
        Case(
            "deep brackets",
            block(
                "let a = " + String(repeating: "(", count: 10_000) + "1"
                    + String(repeating: ")", count: 10_000)), at: "4:", "nested"),
        Case("megabyte line", block("let a = " + String(repeating: "1+", count: 500_000) + "1"), at: "4:", "deep"),
        Case("unterminated fence", "# Open\n\n```tutor\nlet a = 1\n", at: "3:1", "never closed"),
        Case("unterminated display math", "# Open\n\n$$\nx = 1\n\nmore prose\n", at: "3:1", "$$"),
        Case(
            "formula outside the subset",
            "# F\n\n$$\nC = \\int_0^1 x\\,dx\n$$\n\n```tutor\nlet C = 1\ncheck formula\n```\n",
            at: "4:5", "int"),
        Case("check formula without a formula", block("check formula"), at: "4:1", "display math"),
        Case(
            "time limit", block("param w = 1\nloss L = (w - 3)^2\noptimizer sgd(lr: 0.001)\ntrain 100000000 epochs"),
            at: "7:1", "time limit", arguments: ["--timeout", "1"]),
    ]

    func testEveryBadInputGetsALocatedError() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 40)
        for badCase in Self.cases {
            try check(badCase)
        }
    }

    private func check(_ badCase: Case, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        try Data(badCase.chapter).write(to: book.appendingPathComponent("01-bad.md"))
        try Data(Self.goodChapter.utf8).write(to: book.appendingPathComponent("02-good.md"))
        try Data("1,2\n".utf8).write(to: root.appendingPathComponent("outside.csv"))
        for (name, bytes) in badCase.files { try Data(bytes).write(to: book.appendingPathComponent(name)) }
        for (name, target) in badCase.links {
            try FileManager.default.createSymbolicLink(
                atPath: book.appendingPathComponent(name).path,
                withDestinationPath: target)
        }
        let output = root.appendingPathComponent("out")
        let process = try TutorProcess.run(
            ["run", "book", "--output", output.path, "--no-cache"] + badCase.arguments,
            in: root, timeout: 60)
        let name = badCase.name
        XCTAssertEqual(process.status, 2, "\(name): exit status\n\(process.standardError)", file: file, line: line)
        XCTAssertTrue(
            process.standardError.contains("book/01-bad.md:\(badCase.location)"),
            "\(name): no error at \(badCase.location)\n\(process.standardError.prefix(2000))", file: file, line: line)
        XCTAssertTrue(
            process.standardError.localizedCaseInsensitiveContains(badCase.message),
            "\(name): message lacks '\(badCase.message)'\n\(process.standardError.prefix(2000))", file: file, line: line
        )
        // The rest of the book ran and was rendered, completely.
        let report = try Data(contentsOf: output.appendingPathComponent("report.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: report) as? [String: Any])
        let statuses = (json["chapters"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
        XCTAssertEqual(statuses, ["error", "passed"], "\(name)", file: file, line: line)
        for page in ["01-bad.html", "02-good.html", "index.html", "01-bad.md", "02-good.md"] {
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path),
                "\(name): \(page) was not written", file: file, line: line)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "\(name): half-written files", file: file, line: line)
    }

    func testAnOutputFolderThatCannotBeWrittenIsAnError() throws {
        let root = try TutorProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("output")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let process = try TutorProcess.run(
            [
                "run", TutorProcess.fixtures.appendingPathComponent("passing").path,
                "--output", blocker.path, "--no-cache",
            ], in: root, timeout: 60)
        XCTAssertEqual(process.status, 2)
        XCTAssertTrue(process.standardError.contains("cannot write '\(blocker.path)'"), process.standardError)
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "a file, not a folder", "nothing was lost")
    }
}
