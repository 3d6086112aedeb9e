import Foundation

/// A fresh folder under the system's temporary directory, removed on deinit.
public final class TemporaryFolder {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    public init() throws {
        path = try TemporaryFolder.create("tests").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A fresh empty folder named for `purpose`, which the caller removes.
    public static func create(_ purpose: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}
