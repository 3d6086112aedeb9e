/// Where a package's declared dependencies and its sources' imports disagree:
/// every module imports what it uses, declares what it imports, and re-exports nothing.
enum ModuleGraphCheck {
    /// One sentence per disagreement, in the order of the manifest's targets.
    /// `imports` holds each target's imports by name.
    static func problems(_ manifest: PackageManifest, imports: [String: SourceImports]) -> [String] {
        let targetNames = Set(manifest.targets.map(\.name))
        // Products of other packages are known by the names the targets give them.
        let modules = targetNames.union(manifest.targets.flatMap(\.dependencies))
        var problems: [String] = []
        for target in manifest.targets where target.kind != .systemLibrary {
            let sources = imports[target.name] ?? SourceImports()
            let imported = Set(sources.importers.keys).intersection(modules).subtracting([target.name])
            for module in imported.subtracting(target.dependencies).sorted() {
                let files = sources.importers[module, default: []].joined(separator: ", ")
                problems.append("\(target.name) imports \(module) (\(files)) but does not declare it")
            }
            for module in Set(target.dependencies).subtracting(imported).sorted() {
                // A dependency on an executable is for its binary (a test that runs it), not its module.
                if manifest[module]?.kind == .executableTarget { continue }
                problems.append("\(target.name) declares \(module) but none of its files imports it")
            }
            problems += sources.reexports.map { "\($0) is re-exported: each file imports the modules it uses" }
        }
        return problems
    }
}
