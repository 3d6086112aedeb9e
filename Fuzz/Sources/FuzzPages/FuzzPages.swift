import Chapter
import Foundation
import MarkupBalance
import Notation
import Render
import Runner

/// Any bytes, read as a chapter file, given results, and written as every page
/// tutor writes: the HTML page, the Markdown page with its figures, the index and
/// report.json. Nothing may crash; the HTML page and every figure must be well
/// nested, report.json must be JSON, and no figure may draw a non-finite number.
///
/// The results are not run (running is the runner's to fuzz, and would spend the
/// time on arithmetic): each statement gets a state and findings chosen by the
/// input's own bytes, with numbers read from them as Doubles, so NaN, infinities,
/// subnormals and ±1.8e308 reach the loss curves, tables and contour plots, and
/// the statement's text reaches every sentence.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPages(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (document, diagnostics) = ChapterReader.read(file: "chapters/fuzz.md", contents: bytes)
    var numbers = NumberSource(bytes)
    var blocks: [BlockResult] = []
    var trainings: [[String: Any]] = []
    var stopped = false
    for block in document.blocks {
        guard case let .directive(directive) = block else {
            blocks.append(BlockResult())
            continue
        }
        let parsed = parseDirectives(directive.content, file: document.file, firstLine: directive.contentLocation.line)
        var result = BlockResult(diagnostics: parsed.diagnostics)
        for statement in parsed.statements {
            let choice = numbers.byte()
            if stopped || choice % 11 == 0 {
                result.statements.append(StatementResult(statement: statement, state: .notRun))
                continue
            }
            if choice % 11 == 1 {
                let failure = Diagnostic(statement.source, at: statement.location, sourceLine: statement.source)
                result.statements.append(StatementResult(statement: statement, state: .failed(failure)))
                stopped = true
                continue
            }
            let finding = makeFinding(choice, statement, &numbers, &trainings)
            result.statements.append(StatementResult(statement: statement, state: .ran,
                                                     findings: finding.flatMap(decodedFinding).map { [$0] } ?? []))
        }
        blocks.append(result)
    }
    let failures = blocks.flatMap { $0.statements.compactMap { if case let .failed(d) = $0.state { return d } else { return nil } } }
    let chapter = ChapterResult(file: document.file, title: document.title, document: document, blocks: blocks,
                                diagnostics: diagnostics + blocks.flatMap(\.diagnostics) + failures)
    let prepared = PreparedChapter(chapter)

    let html = HTMLPage(prepared).render()
    guard let start = html.range(of: "<html") else { fatalError("no <html> in the page") }
    if let problem = markupImbalance(String(html[start.lowerBound...])) {
        fatalError("the HTML page is malformed: \(problem)")
    }
    for file in MarkdownPage(prepared).render().files where file.path.hasSuffix(".svg") {
        guard let svg = file.contents.range(of: "<svg") else { fatalError("\(file.path) has no <svg>") }
        if let problem = markupImbalance(String(file.contents[svg.lowerBound...])) {
            fatalError("\(file.path) is malformed: \(problem)")
        }
        if let drawn = nonFiniteCoordinate(file.contents) { fatalError("\(file.path) draws a non-finite number: \(drawn)") }
    }
    let book = BookResult(chapters: [chapter])
    let report = JSONReport.render(book)
    precondition((try? JSONSerialization.jsonObject(with: Data(report.utf8))) != nil, "report.json is not JSON")
    let index = IndexPage.render(book)
    guard let indexStart = index.range(of: "<html") else { fatalError("no <html> in the index") }
    if let problem = markupImbalance(String(index[indexStart.lowerBound...])) {
        fatalError("the index is malformed: \(problem)")
    }
    return 0
}

/// The input's bytes again, from the start, as choices and as Doubles; zeros once used up.
private struct NumberSource {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        guard !bytes.isEmpty else { return 0 }
        defer { position += 1 }
        return bytes[position % bytes.count]
    }

    /// Eight bytes as the bits of a Double: any Double, NaN and ±∞ included.
    mutating func double() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return Double(bitPattern: bits)
    }

    /// A small Double from one byte, for values that must stay ordinary.
    mutating func small() -> Double { Double(Int(byte()) - 128) / 16 }
}

/// A number for the result's JSON, as `ChapterResult.encoder()` writes it.
private func json(_ x: Double) -> Any {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return x
}

/// One finding for the statement, as the JSON the worker would hand back.
private func makeFinding(_ choice: UInt8, _ statement: Statement, _ numbers: inout NumberSource,
                         _ trainings: inout [[String: Any]]) -> [String: Any]? {
    let line = statement.location.line
    let optimizer: [String: Any] = ["name": String(statement.source.prefix(12)),
                                    "options": [["name": "lr", "value": json(numbers.double())]]]
    switch choice % 11 {
    case 2, 3, 4:
        let statuses = ["passed", "failed", "xfail", "xpass", "error"]
        let kinds = ["expect", "formula", "gradients"]
        var check: [String: Any] = [
            "line": line, "column": statement.location.column, "kind": kinds[Int(numbers.byte()) % kinds.count],
            "source": statement.source, "status": statuses[Int(numbers.byte()) % statuses.count],
            "message": statement.source, "equations": [],
            "maxAbsoluteError": json(numbers.double()), "maxRelativeError": json(numbers.double()),
            "rows": [["subject": statement.source, "comparison": [
                "method": numbers.byte() % 2 == 0 ? ["entries": [String: Any]()] : ["randomDirections": ["_0": 16]],
                "checked": Int(numbers.byte()), "skippedNearKink": Int(numbers.byte()), "failed": Int(numbers.byte() % 2),
                "richardsonRetries": Int(numbers.byte()),
                "maxAbsoluteError": json(numbers.double()), "maxRelativeError": json(numbers.double()),
                "worst": ["row": 0, "column": 1, "autodiff": json(numbers.double()), "finiteDifference": json(numbers.double())],
            ] as [String: Any]]],
        ]
        if numbers.byte() % 2 == 0 {
            check["tolerance"] = ["absolute": json(numbers.double()), "relative": json(numbers.double())]
        }
        return ["check": ["_0": check]]
    case 5, 6:
        let count = Int(numbers.byte() % 40)
        let log = (0..<count).map { ["epoch": $0, "loss": json(numbers.double())] as [String: Any] }
        let training: [String: Any] = [
            "line": line, "optimizer": optimizer, "epochs": count, "log": log, "finalLoss": json(numbers.double()),
            "diverged": numbers.byte() % 2 == 0, "trajectories": [String: Any](), "recorded": [Any](),
            "loss": ["name": String(statement.source.prefix(20)), "expression": statement.source],
        ]
        trainings.append(training)
        return ["training": ["_0": training]]
    case 7:
        guard !trainings.isEmpty else { return nil }
        let series = trainings.map { ["optimizer": $0["optimizer"]!, "line": $0["line"]!, "log": $0["log"]!,
                                      "loss": $0["loss"]!] as [String: Any] }
        trainings = []
        return ["lossPlot": ["_0": ["line": line, "title": statement.source, "series": series]]]
    case 8, 9:
        let rows = 1 + Int(numbers.byte() % 4), cols = 1 + Int(numbers.byte() % 4)
        let scalar = rows == 1 && cols == 1 && numbers.byte() % 2 == 0
        let value: [String: Any] = ["shape": ["rows": rows, "cols": cols, "isScalar": scalar],
                                    "scalars": (0..<(rows * cols)).map { _ in json(numbers.double()) }]
        return ["show": ["_0": ["line": line, "name": statement.source, "value": value,
                                "isBoolean": numbers.byte() % 2 == 0]]]
    default:
        // A 3×3 grid over finite ranges, as `plot surface` samples them; values and path from the input.
        func axis(_ numbers: inout NumberSource) -> [Double] {
            let low = numbers.small(), high = low + 0.0625 + abs(numbers.small())
            return [low, (low + high) / 2, high]
        }
        let xs = axis(&numbers), ys = axis(&numbers)
        let values = (0..<3).map { _ in (0..<3).map { _ in json(numbers.double()) } }
        let path = (0..<Int(numbers.byte() % 5)).map { _ in ["x": json(numbers.double()), "y": json(numbers.double())] }
        return ["surfacePlot": ["_0": ["line": line, "function": statement.source, "xName": "x", "yName": "y",
                                       "xs": xs, "ys": ys, "values": values, "path": path] as [String: Any]]]
    }
}

/// The finding, read as the parent reads a worker's result.
private func decodedFinding(_ object: [String: Any]) -> Finding? {
    guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
    do {
        return try ChapterResult.decoder().decode(Finding.self, from: data)
    } catch {
        fatalError("a finding the fuzzer made does not decode: \(error)")
    }
}

/// The first coordinate attribute of an SVG whose value is not a finite number.
private func nonFiniteCoordinate(_ svg: String) -> String? {
    for name in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d", "transform"] {
        var rest = Substring(svg)
        while let found = rest.range(of: " \(name)=\"") {
            let value = rest[found.upperBound...].prefix { $0 != "\"" }
            let lowered = value.lowercased()
            if lowered.contains("nan") || lowered.contains("inf") { return "\(name)=\"\(value)\"" }
            rest = rest[found.upperBound...]
        }
    }
    return nil
}
