import Foundation

/// Hashes of files kept between runs in the cache folder, each with what
/// `stat` said of its file when it was hashed (device, inode, size, and the
/// times of its last write and last change, to the nanosecond). A file whose
/// status is the same has the same bytes, as git's index assumes: every write
/// moves the change time, which no program can set back. So a data set of
/// 30 MB that a chapter reads is not read and hashed again on every run only
/// to learn that it did not change.
///
/// A file changed less than two seconds before it was hashed is not kept: a
/// second write within the clock's tick could leave its status as it was.
/// The memo is a sealed file like the others (`.file-hashes`, hidden, so
/// that pruning does not take it for a chapter's folder); a damaged one is
/// an empty memo.
final class FileHashMemo: @unchecked Sendable {
    private struct Entry: Codable {
        var path: String
        var status: [Int64]
        var hash: String
    }

    private let directory: String
    /// How long ago a file must have changed for its hash to be kept.
    private let settleSeconds: Double
    private let lock = NSLock()
    private var entries: [String: Entry]?

    init(directory: String, settleSeconds: Double = 2) {
        self.directory = directory
        self.settleSeconds = settleSeconds
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: FileHashMemo] = [:]

    /// The memo of the cache folder `directory`, one per process.
    static func memo(in directory: String) -> FileHashMemo {
        registryLock.lock(); defer { registryLock.unlock() }
        if let memo = registry[directory] { return memo }
        let memo = FileHashMemo(directory: directory)
        registry[directory] = memo
        return memo
    }

    /// The hash of the file's bytes (`ChapterCache.hash`), nil when it is not
    /// a regular file that can be read.
    func hash(ofFile path: String) -> String? {
        guard let before = Self.status(of: path) else { return nil }
        lock.lock()
        if entries == nil { entries = load() }
        if let known = entries?[path], known.status == before {
            lock.unlock()
            return known.hash
        }
        lock.unlock()
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        let hash = ChapterCache.hash(bytes)
        // Kept only when nothing wrote to it while it was read, nor just before.
        if Self.status(of: path) == before, Self.secondsSinceChange(before) >= settleSeconds {
            lock.lock(); defer { lock.unlock() }
            entries?[path] = Entry(path: path, status: before, hash: hash)
            save()
        }
        return hash
    }

    private var file: String { (directory as NSString).appendingPathComponent(".file-hashes") }

    private var tensors: TensorStore {
        TensorStore(directory: (directory as NSString).appendingPathComponent("blobs"), known: KnownBlobs())
    }

    private func load() -> [String: Entry] {
        let stored = (try? CacheFiles.readSealed([Entry].self, from: file, blobs: tensors)) ?? nil
        return Dictionary((stored ?? []).map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Written whole each time, the entries of files that are gone left out.
    private func save() {
        let kept = (entries ?? [:]).values.filter { Self.status(of: $0.path) != nil }.sorted { $0.path < $1.path }
        try? CacheFiles.writeSealed(kept, blobs: tensors, to: file)
    }

    /// Device, inode, size, the last write's and the last change's seconds
    /// and nanoseconds; nil for what is not a regular file.
    private static func status(of path: String) -> [Int64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return [
            Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size),
            Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
            Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec),
        ]
    }

    private static func secondsSinceChange(_ status: [Int64]) -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(Int64(now.tv_sec) - status[5]) + Double(Int64(now.tv_nsec) - status[6]) / 1e9
    }
}
