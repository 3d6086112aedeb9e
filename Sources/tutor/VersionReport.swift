import Autodiff

/// What `tutor --version` prints: what a bug report needs to reproduce a run.
enum VersionReport {
    static let version = "0.9.0"

    static var text: String {
        let facts = BLASLibrary.current.report
        let width = facts.map(\.0.count).max() ?? 0
        return
            (["tutor \(version)"]
            + facts.map { name, value in
                name + ":" + String(repeating: " ", count: width - name.count + 1) + value
            }).joined(separator: "\n")
    }
}
