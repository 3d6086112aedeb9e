import Foundation

/// Compares a rendered book with the one expected: the same files, every page
/// byte for byte, and `report.json` as data (`ReportComparison`).
public enum FolderComparison {
    /// Where `actual` differs from `expected`; empty when it does not.
    public static func differences(expected: URL, actual: URL) throws -> [String] {
        let e = try files(under: expected), a = try files(under: actual)
        var found = e.subtracting(a).sorted().map { "\($0): missing" }
        found += a.subtracting(e).sorted().map { "\($0): not expected" }
        for path in e.intersection(a).sorted() {
            let x = try Data(contentsOf: expected.appendingPathComponent(path))
            let y = try Data(contentsOf: actual.appendingPathComponent(path))
            if (path as NSString).lastPathComponent == "report.json" {
                found += ReportComparison.differences(expected: x, actual: y).map { "\(path) \($0)" }
            } else if x != y {
                found.append("\(path): differs\(firstDifferingLine(x, y).map { " from line \($0)" } ?? "")")
            }
        }
        return found
    }

    /// Every regular file under `root`, as paths relative to it.
    static func files(under root: URL) throws -> Set<String> {
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        var paths: Set<String> = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = url.standardizedFileURL.path
            paths.insert(String(path.dropFirst(base.count + 1)))
        }
        return paths
    }

    private static func firstDifferingLine(_ x: Data, _ y: Data) -> Int? {
        let newline = UInt8(ascii: "\n")
        let a: [Data.SubSequence] = x.split(separator: newline, omittingEmptySubsequences: false)
        let b: [Data.SubSequence] = y.split(separator: newline, omittingEmptySubsequences: false)
        for (index, pair) in zip(a, b).enumerated() where pair.0 != pair.1 { return index + 1 }
        return Swift.min(a.count, b.count) + 1
    }
}
