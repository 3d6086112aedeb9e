// swift-tools-version:6.0
import PackageDescription

// Layering (docs/architecture.md): C modules at the edge, then the engine,
// the learning parts, notation and chapters, the runner, and the command line.
let package = Package(
    name: "tutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tutor", targets: ["tutor"]),
        .library(name: "Autodiff", targets: ["Autodiff"]),
        .library(name: "Learning", targets: ["Learning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The book file (book.yml): a YAML reader that keeps each node's line and column.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries from Debian, one system-library target each.
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // glibc's <malloc.h>, part of libc6-dev.
        .systemLibrary(name: "CMalloc"),
        // CPUID and XGETBV, which Swift cannot issue itself.
        .target(name: "CCPUFeatures"),
        // tutor's own matrix products, in C for vector intrinsics. Optimised in
        // every build: the tests multiply 60000×784 matrices too.
        .target(name: "CGEMM", cSettings: [.unsafeFlags(["-O2"])]),
        // tutor's own eˣ and logistic function, scalar and vector, with the same bits.
        .target(name: "CElementwise", cSettings: [.unsafeFlags(["-O2"])]),

        .target(name: "Autodiff", dependencies: ["CBLAS", "CMalloc", "CCPUFeatures", "CGEMM", "CElementwise"]),
        .target(name: "Learning", dependencies: ["Autodiff", "CDeflate", "CZlib"]),
        .target(name: "Notation"),
        .target(name: "Chapter", dependencies: ["Ccmark", "Notation", .product(name: "Yams", package: "Yams")]),
        // MathML from expression trees and from the LaTeX tutor typesets unread; the escaping pages share.
        .target(name: "MathML", dependencies: ["Notation"]),
        .target(name: "Runner", dependencies: ["Autodiff", "Chapter", "Notation", "Learning"]),
        .target(name: "Render", dependencies: ["Runner", "Chapter", "Notation", "Autodiff", "MathML"]),
        // A book's run: its chapters found, run in worker processes, written into the output folder.
        .target(name: "Book", dependencies: ["Runner", "Render", "Chapter", "Notation", "Learning"]),
        .executableTarget(
            name: "tutor",
            dependencies: [
                "Autodiff", "Notation", "Runner", "Render", "Book",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A rendered book compared with the committed one: pages as bytes, the report as data.
        .target(name: "BookComparison"),
        // `make test`'s book check: the book rendered under every kernel and thread count.
        .executableTarget(name: "BookCheck", dependencies: ["BookComparison", "Autodiff"]),
        // Timings live apart from the tests: run in a release build by bench/compare.
        .executableTarget(name: "TutorBenchmarks", dependencies: ["Autodiff", "Learning"]),

        // What the tests share: temporary folders, programs run, numbers compared, central differences.
        .target(name: "TutorTestSupport", path: "Tests/TutorTestSupport"),
        .testTarget(name: "BookComparisonTests", dependencies: ["BookComparison", "TutorTestSupport"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "CBLAS", "CGEMM", "CElementwise", "TutorTestSupport"]),
        // A second, independent gradient oracle: Swift's own reverse-mode AD.
        .testTarget(name: "GradientOracleTests", dependencies: ["Autodiff"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Autodiff", "TutorTestSupport"]),
        .testTarget(name: "ChapterTests", dependencies: ["Chapter", "Notation"]),
        .testTarget(name: "NotationTests", dependencies: ["Notation"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Learning", "Autodiff", "Chapter", "Notation", "TutorTestSupport"]),
        .testTarget(name: "BookTests", dependencies: ["Book", "Runner", "Notation"]),
        // The command line's own decisions, apart from running the binary.
        .testTarget(name: "TutorTests", dependencies: [
            "tutor", "Runner", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Runs the built binary on fixture books, as a user would.
        .testTarget(name: "EndToEndTests", dependencies: ["tutor", "BookComparison", "TutorTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "MathML", "Notation", "Runner", "Chapter", "Learning", "Autodiff", "BookComparison",
                                                  "TutorTestSupport"],
                    exclude: ["Fixtures", "Golden"]),
        // Package.swift, the imports and docs/architecture.md tell the same module graph.
        .testTarget(name: "ArchitectureTests"),
    ],
    swiftLanguageModes: [.v5]
)
