import Foundation

/// How the cache writes and reads its files. Every file is written whole to
/// a name of this process and renamed into place, so a reader sees an old
/// file or a new one, never half of one, and two runs sharing a cache do not
/// write one file. A file's first line carries the format and a fingerprint
/// of the rest: a file cut short or edited is known as such and ignored.
enum CacheFiles {
    static let format = "tutor-cache 3"

    static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid())-\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CacheDamage("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CacheDamage("cannot write \(path)")
        }
    }

    /// A file of the cache: the format and fingerprint line; a line of words
    /// that can be read without the rest (a chapter's key); a line naming the
    /// blobs the file refers to, for pruning; then `value` in the cache's
    /// binary form (`RecordEncoder`), its large arrays of Doubles as blobs
    /// through `blobs`.
    static func writeSealed<T: Encodable>(_ value: T, header: [String] = [], blobs: TensorStore, to path: String) throws
    {
        let body = try RecordEncoder(blobs: blobs).encode(value)
        var rest = Data("\(header.joined(separator: " "))\n\(blobs.referenced.joined(separator: " "))\n".utf8)
        rest.append(contentsOf: body)
        var data = Data("\(format) \(ChapterCache.hash(rest))\n".utf8)
        data.append(rest)
        try write(data, to: path)
    }

    /// The value of a file written by `writeSealed`; nil when there is no
    /// such file, `CacheDamage` when there is one that cannot be used.
    static func readSealed<T: Decodable>(_ type: T.Type, from path: String, blobs: TensorStore) throws -> T? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let first = data.firstIndex(of: 0x0a) else { throw CacheDamage("not a cache file") }
        let line = String(decoding: data[..<first], as: UTF8.self)
        guard line.hasPrefix(format + " ") else { throw CacheDamage("written by another version of tutor") }
        let rest = data[(first + 1)...]
        guard line == "\(format) \(ChapterCache.hash(rest))" else { throw CacheDamage("cut short or edited") }
        guard let second = rest.firstIndex(of: 0x0a), let third = rest[(second + 1)...].firstIndex(of: 0x0a) else {
            throw CacheDamage("not a cache file")
        }
        do {
            return try RecordDecoder(blobs: blobs).decode(T.self, from: Data(rest[(third + 1)...]))
        } catch {
            throw CacheDamage("cannot be read: \(error)")
        }
    }

    /// The words of a sealed file's second line (its header), reading only its start.
    static func header(of path: String) -> [String] { line(1, of: path) }

    /// The blobs a sealed file refers to (its third line), reading only its start.
    static func blobs(of path: String) -> [String] { line(2, of: path) }

    private static func line(_ index: Int, of path: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        var data = Data()
        while data.filter({ $0 == 0x0a }).count <= index, let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty
        {
            data.append(chunk)
        }
        let lines = data.split(separator: 0x0a, maxSplits: index + 1, omittingEmptySubsequences: false)
        guard lines.count > index + 1 else { return [] }
        return String(decoding: lines[index], as: UTF8.self).split(separator: " ").map(String.init)
    }
}
