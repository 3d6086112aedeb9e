import Foundation

/// The modules a target's Swift files import, read from their `import` lines.
struct SourceImports: Equatable {
    /// Every Swift file read, as a path inside the package.
    var files: [String] = []
    /// Module → the files that import it, as paths inside the package.
    var importers: [String: [String]] = [:]
    /// Files that re-export a module (`@_exported import`), as "file: module".
    var reexports: [String] = []

    init(files: [String] = [], importers: [String: [String]] = [:], reexports: [String] = []) {
        self.files = files
        self.importers = importers
        self.reexports = reexports
    }

    /// The imports of every Swift file under `folder` of the package at `root`,
    /// skipping `exclude`; a folder that is a link (the fuzz package's) is followed.
    init(root: URL, folder: String, exclude: [String]) throws {
        let directory = root.appendingPathComponent(folder).resolvingSymlinksInPath()
        guard let contents = FileManager.default.enumerator(atPath: directory.path) else { return }
        for case let file as String in contents where file.hasSuffix(".swift") {
            if exclude.contains(where: { file == $0 || file.hasPrefix($0 + "/") }) { continue }
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let path = folder + "/" + file
            files.append(path)
            for line in text.split(separator: "\n") {
                guard let (module, exported) = SourceImports.importedModule(String(line)) else { continue }
                importers[module, default: []].append(path)
                if exported { reexports.append(path + ": " + module) }
            }
        }
        files.sort()
        for module in importers.keys { importers[module]?.sort() }
        reexports.sort()
    }

    /// `import X`, `@testable import X`, `@_exported import X`, `import struct X.Y`:
    /// X, and whether it is re-exported.
    static func importedModule(_ line: String) -> (String, Bool)? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        var exported = false
        while let first = words.first, first.hasPrefix("@") || accessLevels.contains(String(first)) {
            if first == "@_exported" { exported = true }
            words = words.dropFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        words = words.dropFirst()
        if declarationKinds.contains(String(words.first!)), words.count >= 2 { words = words.dropFirst() }
        guard let path = words.first, let module = path.split(separator: ".").first,
            module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else { return nil }
        return (String(module), exported)
    }

    private static let accessLevels: Set<String> = ["public", "package", "internal", "fileprivate", "private"]
    private static let declarationKinds: Set<String> = [
        "typealias", "struct", "class", "enum", "protocol", "let", "var", "func",
    ]
}
