/// What docs/architecture.md says about the module graph: its table of targets
/// (`| target | holds | depends on |`) and its table of the files that import the
/// C modules (`| module | imported by |`).
struct ArchitectureDocument: Equatable {
    /// Target → the modules the table says it depends on.
    var dependencies: [String: [String]] = [:]
    /// Module → the names of the files the table says import it.
    var importers: [String: [String]] = [:]

    init(dependencies: [String: [String]], importers: [String: [String]]) {
        self.dependencies = dependencies
        self.importers = importers
    }

    init(text: String) {
        for row in ArchitectureDocument.rows(of: "| target | holds | depends on |", in: text) {
            guard let first = row.first, let last = row.last, row.count >= 2 else { continue }
            let modules = last == "—" ? [] : last.split(separator: ",").map { ArchitectureDocument.code($0) }
            for target in ArchitectureDocument.codeSpans(in: first) { dependencies[target] = modules }
        }
        for row in ArchitectureDocument.rows(of: "| module | imported by |", in: text) {
            guard row.count >= 2 else { continue }
            let files = ArchitectureDocument.codeSpans(in: row[1]).filter { $0.hasSuffix(".swift") }
            for module in ArchitectureDocument.codeSpans(in: row[0]) { importers[module] = files }
        }
    }

    /// The cells of each row of the table under `header`, past its `|---|` line.
    private static func rows(of header: String, in text: String) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard let start = lines.firstIndex(of: header) else { return [] }
        return lines[(start + 1)...].dropFirst().prefix { $0.hasPrefix("|") }.map { line in
            line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingWhitespace()
            }
        }
    }

    /// Every `…` in a cell.
    private static func codeSpans(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// `Yams` or Yams: the name.
    private static func code(_ item: Substring) -> String {
        item.trimmingWhitespace().filter { $0 != "`" }
    }
}
