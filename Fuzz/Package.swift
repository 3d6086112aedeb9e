// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parts of tutor that read what authors write.
//
// A package of its own so the main `swift build` and `swift test` never compile
// with sanitizers. The modules under test are the main package's own sources,
// linked in `Sources/` (Notation, Chapter, Ccmark and MathML; for the page
// writers, Render with Runner and the engine under it), because the main
// package exports them as no product. Build and run with `make fuzz` from the repository root.
let package = Package(
    name: "TutorFuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark"),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate"),
        .systemLibrary(name: "CMalloc"),
        .target(name: "CCPUFeatures"),
        .target(name: "CGEMM", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "CElementwise", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "Notation"),
        .target(name: "Chapter", dependencies: ["Ccmark", "Notation", .product(name: "Yams", package: "Yams")]),
        .target(name: "Autodiff", dependencies: ["CBLAS", "CMalloc", "CCPUFeatures", "CGEMM", "CElementwise"]),
        .target(name: "Learning", dependencies: ["Autodiff", "CDeflate", "CZlib"]),
        .target(name: "Runner", dependencies: ["Autodiff", "Chapter", "Notation", "Learning"]),
        .target(name: "MathML", dependencies: ["Notation"]),
        .target(name: "Render", dependencies: ["Runner", "Chapter", "Notation", "Autodiff", "MathML"]),
        .target(name: "MarkupBalance"),
        .executableTarget(name: "FuzzDirectives", dependencies: ["Notation"]),
        .executableTarget(name: "FuzzFormula", dependencies: ["Notation", "MathML", "MarkupBalance"]),
        .executableTarget(
            name: "FuzzChapter",
            dependencies: ["Chapter", "Notation", "MathML", "MarkupBalance"]
        ),
        .executableTarget(
            name: "FuzzPages",
            dependencies: ["Chapter", "Notation", "Runner", "Render", "MarkupBalance"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
