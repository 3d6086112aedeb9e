import Foundation
import XCTest

/// Package.swift, the imports and docs/architecture.md tell the same module graph.
final class ModuleGraphTests: XCTestCase {
    private let main = PackageSources.repository
    private let fuzz = PackageSources.repository.appendingPathComponent("Fuzz")

    func testEveryTargetDeclaresWhatItImportsAndImportsWhatItDeclares() throws {
        let package = try PackageSources(root: main)
        XCTAssertGreaterThan(package.manifest.targets.count, 10, "Package.swift read")
        XCTAssertEqual(ModuleGraphCheck.problems(package.manifest, imports: package.imports), [])
    }

    /// The fuzz package links the main package's folders, so it must declare what their files import.
    func testTheFuzzPackageDeclaresWhatItsLinkedSourcesImport() throws {
        let package = try PackageSources(root: fuzz)
        XCTAssertNotNil(package.manifest["MathML"], "Fuzz/Package.swift read")
        XCTAssertEqual(ModuleGraphCheck.problems(package.manifest, imports: package.imports), [])
    }

    func testTheArchitectureDocumentGivesPackageSwiftsGraph() throws {
        let package = try PackageSources(root: main)
        let text = try String(contentsOf: main.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let document = ArchitectureDocument(text: text)
        XCTAssertNotNil(document.dependencies["Autodiff"], "the table of targets read")
        XCTAssertNotNil(document.importers["CBLAS"], "the table of importers read")
        XCTAssertEqual(DocumentCheck.problems(document, manifest: package.manifest, imports: package.imports), [])
    }

    // MARK: The checks themselves

    func testAManifestIsReadWithItsProductsPathsAndExclusions() {
        let manifest = PackageManifest(
            text: #"""
                let package = Package(
                    name: "p", // .target(name: "Commented")
                    dependencies: [.package(url: "https://example.org/a//b", from: "1.0.0")],
                    targets: [
                        .systemLibrary(name: "CLib", pkgConfig: "lib"),
                        .target(name: "Core", dependencies: ["CLib", .product(name: "Yams", package: "Yams")]),
                        .executableTarget(name: "tool", dependencies: [.target(name: "Core")]),
                        .target(name: "Support", path: "Tests/Support"),
                        .testTarget(name: "CoreTests", dependencies: ["Core", "tool", "Support"], exclude: ["Fixtures"]),
                    ]
                )
                """#)
        XCTAssertEqual(
            manifest.targets,
            [
                .init(name: "CLib", kind: .systemLibrary, dependencies: []),
                .init(name: "Core", kind: .target, dependencies: ["CLib", "Yams"]),
                .init(name: "tool", kind: .executableTarget, dependencies: ["Core"]),
                .init(name: "Support", kind: .target, dependencies: [], path: "Tests/Support"),
                .init(
                    name: "CoreTests", kind: .testTarget, dependencies: ["Core", "tool", "Support"],
                    exclude: ["Fixtures"]),
            ])
        XCTAssertEqual(
            manifest.targets.map(\.folder),
            ["Sources/CLib", "Sources/Core", "Sources/tool", "Tests/Support", "Tests/CoreTests"])
    }

    func testImportLinesAreRead() {
        XCTAssertEqual(SourceImports.importedModule("import Foundation")?.0, "Foundation")
        XCTAssertEqual(SourceImports.importedModule("@testable import Render")?.0, "Render")
        XCTAssertEqual(SourceImports.importedModule("import struct Notation.Expr")?.0, "Notation")
        XCTAssertEqual(SourceImports.importedModule("    import FoundationXML")?.0, "FoundationXML")
        XCTAssertEqual(SourceImports.importedModule("@_exported import Autodiff")?.1, true)
        XCTAssertEqual(SourceImports.importedModule("@testable import Render")?.1, false)
        XCTAssertNil(SourceImports.importedModule("/// import Autodiff to get Tensor"))
        XCTAssertNil(SourceImports.importedModule("let imported = 1"))
    }

    private let graph = PackageManifest(targets: [
        .init(name: "Engine", kind: .target, dependencies: []),
        .init(name: "Pages", kind: .target, dependencies: ["Engine", "Yams"]),
        .init(name: "tool", kind: .executableTarget, dependencies: ["Pages"]),
        .init(name: "ToolTests", kind: .testTarget, dependencies: ["tool"]),
    ])

    private let imports = [
        "Engine": SourceImports(files: ["Sources/Engine/Engine.swift"]),
        "Pages": SourceImports(
            files: ["Sources/Pages/Page.swift"],
            importers: [
                "Engine": ["Sources/Pages/Page.swift"], "Yams": ["Sources/Pages/Page.swift"],
                "Foundation": ["Sources/Pages/Page.swift"],
            ]),
        "tool": SourceImports(files: ["Sources/tool/main.swift"], importers: ["Pages": ["Sources/tool/main.swift"]]),
    ]

    func testAGraphThatAgreesHasNoProblems() {
        // Foundation is no module of the package; ToolTests runs tool's binary and imports nothing.
        XCTAssertEqual(ModuleGraphCheck.problems(graph, imports: imports), [])
    }

    func testAnImportNotDeclaredIsAProblem() {
        var imports = imports
        imports["tool"]?.importers["Engine"] = ["Sources/tool/Run.swift", "Sources/tool/main.swift"]
        XCTAssertEqual(
            ModuleGraphCheck.problems(graph, imports: imports),
            ["tool imports Engine (Sources/tool/Run.swift, Sources/tool/main.swift) but does not declare it"])
    }

    func testADependencyNoFileImportsIsAProblem() {
        var imports = imports
        imports["Pages"]?.importers["Yams"] = nil
        XCTAssertEqual(
            ModuleGraphCheck.problems(graph, imports: imports),
            ["Pages declares Yams but none of its files imports it"])
    }

    func testAReexportIsAProblem() {
        var imports = imports
        imports["Pages"]?.reexports = ["Sources/Pages/Exports.swift: Engine"]
        XCTAssertEqual(
            ModuleGraphCheck.problems(graph, imports: imports),
            ["Sources/Pages/Exports.swift: Engine is re-exported: each file imports the modules it uses"])
    }

    func testADocumentThatDisagreesIsAProblem() {
        let document = ArchitectureDocument(
            text: """
                | target | holds | depends on |
                |---|---|---|
                | `Engine` | the engine | — |
                | `Pages` | pages | Engine |
                | `Gone` | nothing | — |

                | module | imported by |
                |---|---|
                | `Yams` | `Page.swift`, `Other.swift` |
                """)
        XCTAssertEqual(document.dependencies, ["Engine": [], "Pages": ["Engine"], "Gone": []])
        XCTAssertEqual(
            DocumentCheck.problems(document, manifest: graph, imports: imports),
            [
                "docs/architecture.md says Pages depends on Engine; Package.swift declares Engine, Yams",
                "docs/architecture.md's table of targets has no row for tool",
                "docs/architecture.md has a row for Gone, which Package.swift does not declare",
                "docs/architecture.md says Yams is imported by Other.swift, Page.swift; it is imported by Page.swift",
            ])
    }
}
