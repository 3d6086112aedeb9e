import Foundation

/// Writes output files atomically: each file goes to a temporary file of a name
/// no other run can use (the process id and a counter), in the same folder,
/// then is renamed into place, so a reader never sees half a page.
///
/// A book's files are written in two steps: `stage` writes every temporary
/// file, `commit` renames them all. A failure while staging (a full disk, a
/// folder that cannot be written) removes what was staged and leaves the
/// previous output as it was, consistent with itself.
public final class OutputWriter {
    public let directory: String
    private var staged: [(temporary: String, path: String)] = []

    public init(directory: String) { self.directory = directory }

    /// Creates the folder (and its parents) if needed, and removes temporary
    /// files left by runs that were killed while writing.
    public func prepare() throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory, reason: Self.reason(error))
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw OutputError(path: directory, reason: "the folder cannot be written")
        }
        removeAbandonedTemporaries()
    }

    /// Writes `contents` to `name` inside the folder at once (temporary file, rename).
    public func write(_ contents: String, to name: String) throws {
        try stage(contents, to: name)
        try commit()
    }

    /// Writes `contents` to a temporary file beside `name`, renamed by `commit`.
    public func stage(_ contents: String, to name: String) throws {
        try stage(bytes: Array(contents.utf8), to: name)
    }

    /// Writes `data` (a copied image) to a temporary file beside `name`, renamed by `commit`.
    public func stage(data: Data, to name: String) throws {
        try stage(bytes: [UInt8](data), to: name)
    }

    private func stage(bytes: [UInt8], to name: String) throws {
        let path = (directory as NSString).appendingPathComponent(name)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            discard()
            throw OutputError(path: folder, reason: Self.reason(error))
        }
        let temporary = (folder as NSString).appendingPathComponent(Self.temporaryName())
        if let reason = Self.writeFile(temporary, bytes) {
            unlink(temporary)
            discard()
            throw OutputError(path: path, reason: reason)
        }
        staged.append((temporary, path))
    }

    /// Renames every staged file into place, in the order they were staged.
    public func commit() throws {
        defer { staged = [] }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.temporary) }
            throw OutputError(path: file.path, reason: reason)
        }
    }

    /// Removes what was staged and not committed.
    public func discard() {
        for file in staged { unlink(file.temporary) }
        staged = []
    }

    private static let temporaryPrefix = ".tutor-"
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    private static func temporaryName() -> String {
        counterLock.lock(); defer { counterLock.unlock() }
        counter += 1
        return "\(temporaryPrefix)\(getpid())-\(counter).tmp"
    }

    /// `.tutor-PID-N.tmp` files whose process is gone, directly in the folder.
    private func removeAbandonedTemporaries() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.hasPrefix(Self.temporaryPrefix) && name.hasSuffix(".tmp") {
            let pid = name.dropFirst(Self.temporaryPrefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let process = Int32(pid), process != getpid(), kill(process, 0) != 0, errno == ESRCH else { continue }
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// Writes the bytes to a new file; returns why it failed, or nil.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return reason
            }
            written += n
        }
        guard close(descriptor) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(code)))
        }
        let text = error.localizedDescription
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}

/// A file of the output that could not be written, and why.
public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}
