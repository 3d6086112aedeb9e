import Foundation

/// A fresh folder under the system's temporary directory, removed on deinit.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("tutor-learning-tests-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// Compresses `name` with the system's `gzip` into `name.gz`, keeping `name`,
    /// and returns the new file's path.
    @discardableResult
    func gzip(_ name: String) throws -> String {
        try standardOutput(of: gzipExecutable, ["-k", "-f", "-n", path + "/" + name])
        return path + "/" + name + ".gz"
    }
}

let gzipExecutable = ["/bin/gzip", "/usr/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? "/bin/gzip"

/// Runs a program and returns what it wrote to standard output; fails on a nonzero exit.
@discardableResult
func standardOutput(of executable: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
            "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)"])
    }
    return data
}
