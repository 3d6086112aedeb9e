import Autodiff

/// What `tutor --version` prints: what a bug report needs to reproduce a run.
enum VersionReport {
    static let version = "0.9.0"

    static var text: String {
        let facts = BLASLibrary.current.report + [("products", products)]
        let width = facts.map(\.0.count).max() ?? 0
        return
            (["tutor \(version)"]
            + facts.map { name, value in
                name + ":" + String(repeating: " ", count: width - name.count + 1) + value
            }).joined(separator: "\n")
    }

    /// Which library multiplies what.
    static var products: String {
        guard let kernel = ProductKernel.current else {
            return "OpenBLAS for all (tutor's kernels need AVX2 with FMA, and an OpenBLAS kernel for them)"
        }
        return
            "tutor's \(kernel.rawValue) kernels where a side is at most \(NarrowProduct.widest), OpenBLAS for the rest"
    }
}
