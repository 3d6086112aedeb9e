import Foundation

/// How the cache writes and reads its files. Every file is written whole to
/// a name of this process and renamed into place, so a reader sees an old
/// file or a new one, never half of one, and two runs sharing a cache do not
/// write one file. A file's first line carries a fingerprint of the rest:
/// a file cut short or edited is known as such and ignored.
enum CacheFiles {
    static let format = "tutor-cache 2"

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

    /// A file of the cache: the format and fingerprint line, a line of words
    /// that can be read without the rest (a state's blobs, for pruning; a
    /// chapter's key), then the JSON of `value`.
    static func writeSealed<T: Encodable>(_ value: T, header: [String] = [], to path: String) throws {
        let body = try ChapterResult.encoder().encode(value)
        var data = Data("\(format) \(ChapterCache.hash(body))\n\(header.joined(separator: " "))\n".utf8)
        data.append(body)
        try write(data, to: path)
    }

    /// The value of a file written by `writeSealed`; nil when there is no
    /// such file, `CacheDamage` when there is one that cannot be used.
    static func readSealed<T: Decodable>(_ type: T.Type, from path: String) throws -> T? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let first = data.firstIndex(of: 0x0a),
              let second = data[(first + 1)...].firstIndex(of: 0x0a) else { throw CacheDamage("not a cache file") }
        let header = String(decoding: data[..<first], as: UTF8.self)
        let body = data[(second + 1)...]
        guard header.hasPrefix(format + " ") else { throw CacheDamage("written by another version of tutor") }
        guard header == "\(format) \(ChapterCache.hash(Data(body)))" else { throw CacheDamage("cut short or edited") }
        do {
            return try ChapterResult.decoder().decode(T.self, from: Data(body))
        } catch {
            throw CacheDamage("cannot be read: \(error)")
        }
    }

    /// The words of a sealed file's second line, reading only its start.
    static func header(of path: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        var data = Data()
        while data.filter({ $0 == 0x0a }).count < 2, let chunk = try? handle.read(upToCount: 4096), !chunk.isEmpty {
            data.append(chunk)
        }
        let lines = data.split(separator: 0x0a, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2 else { return [] }
        return String(decoding: lines[1], as: UTF8.self).split(separator: " ").map(String.init)
    }
}
