import Foundation

/// A package as it is on disk: its manifest, read as text, and the imports of each target's files.
struct PackageSources {
    let manifest: PackageManifest
    /// Target name → its files' imports.
    let imports: [String: SourceImports]

    init(root: URL) throws {
        manifest = PackageManifest(
            text: try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
        var imports: [String: SourceImports] = [:]
        for target in manifest.targets {
            imports[target.name] = try SourceImports(root: root, folder: target.folder, exclude: target.exclude)
        }
        self.imports = imports
    }

    /// The repository this file is in.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
