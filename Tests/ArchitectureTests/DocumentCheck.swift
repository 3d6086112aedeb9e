/// Where docs/architecture.md disagrees with Package.swift and the imports:
/// its table of targets must give every target that is not a test with the
/// dependencies Package.swift declares, and its table of importers every C
/// module with the files that import it.
enum DocumentCheck {
    /// One sentence per disagreement.
    static func problems(
        _ document: ArchitectureDocument, manifest: PackageManifest,
        imports: [String: SourceImports]
    ) -> [String] {
        var problems: [String] = []
        for target in manifest.targets where target.kind != .testTarget {
            guard let documented = document.dependencies[target.name] else {
                problems.append("docs/architecture.md's table of targets has no row for \(target.name)")
                continue
            }
            if documented.sorted() != target.dependencies.sorted() {
                problems.append(
                    "docs/architecture.md says \(target.name) depends on \(list(documented)); "
                        + "Package.swift declares \(list(target.dependencies))")
            }
        }
        for name in document.dependencies.keys.sorted() where manifest[name] == nil {
            problems.append("docs/architecture.md has a row for \(name), which Package.swift does not declare")
        }
        // C modules: system libraries and targets without Swift files.
        let cModules = manifest.targets.filter { target in
            target.kind == .systemLibrary || (target.kind == .target && imports[target.name]?.files.isEmpty ?? true)
        }.map(\.name)
        for module in cModules where document.importers[module] == nil {
            problems.append("docs/architecture.md's table of importers has no row for the C module \(module)")
        }
        for (module, documented) in document.importers.sorted(by: { $0.key < $1.key }) {
            let files = imports.values.flatMap { $0.importers[module, default: []] }
                .map { String($0.split(separator: "/").last!) }
            if documented.sorted() != files.sorted() {
                problems.append(
                    "docs/architecture.md says \(module) is imported by \(list(documented)); "
                        + "it is imported by \(list(files))")
            }
        }
        return problems
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "nothing" : names.sorted().joined(separator: ", ")
    }
}
