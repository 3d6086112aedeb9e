import Foundation
import TutorTestSupport

extension TemporaryFolder {
    /// Compresses `name` with the system's `gzip` into `name.gz`, keeping `name`,
    /// and returns the new file's path.
    @discardableResult
    func gzip(_ name: String) throws -> String {
        try ProgramRun(gzipExecutable, ["-k", "-f", "-n", path + "/" + name]).succeeded()
        return path + "/" + name + ".gz"
    }
}

let gzipExecutable =
    ["/bin/gzip", "/usr/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? "/bin/gzip"
