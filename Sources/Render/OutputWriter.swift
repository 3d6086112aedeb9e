import Foundation

/// Writes output files atomically: a temporary file in the same folder, then a
/// rename, so a reader never sees half a page and a failed run loses nothing.
public struct OutputWriter {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Creates the folder (and its parents) if needed.
    public func prepare() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: directory])
        }
    }

    /// Writes `contents` to `name` inside the folder, creating subfolders.
    public func write(_ contents: String, to name: String) throws {
        let path = (directory as NSString).appendingPathComponent(name)
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp")
        try Data(contents.utf8).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
