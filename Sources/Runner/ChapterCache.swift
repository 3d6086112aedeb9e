import Foundation

/// Results of chapters kept between runs: an unchanged chapter is not run again.
///
/// An entry is keyed by what a chapter's results depend on: the bytes of the
/// chapter, the bytes of every data file it read, and the tool itself (the
/// bytes of the running executable). The seed is in the chapter's bytes.
public struct ChapterCache: Sendable {
    public let directory: String
    /// A fingerprint of the tool: results made by another build are not reused.
    public let toolIdentity: String

    public init(directory: String, toolIdentity: String) {
        self.directory = directory
        self.toolIdentity = toolIdentity
    }

    /// A cache in `directory` for the running executable, whose fingerprint
    /// is kept in the folder's memo of file hashes (`FileHashMemo`), so that
    /// its 20 MB are hashed once a build, not once a run.
    public init(directory: String) {
        self.init(
            directory: directory,
            toolIdentity: Self.runningToolIdentity(hashes: FileHashMemo.memo(in: directory)))
    }

    /// The fingerprint of the running executable.
    public static func runningToolIdentity() -> String { runningToolIdentity(hashes: nil) }

    private static func runningToolIdentity(hashes: FileHashMemo?) -> String {
        // The link names the file this process runs, even once it was replaced.
        let executable = "/proc/self/exe"
        if let memo = hashes, let known = memo.hash(ofFile: executable) { return known }
        var hash = ContentHash()
        if let bytes = FileManager.default.contents(atPath: executable) {
            hash.add(bytes)
        } else {
            hash.add(CommandLine.arguments.first ?? "tutor")
        }
        return hash.hex
    }

    private struct Entry: Codable {
        var tool: String
        var chapter: String
        var data: [DataFile]
        var result: ChapterResult
    }

    private struct DataFile: Codable {
        var path: String
        var hash: String
    }

    /// The stored result of the chapter at `path`, if nothing it depends on changed.
    /// The tool and the chapter's hash are on the entry's first lines, so an
    /// entry of an edited chapter is known without reading the rest. An entry
    /// edited since it was stored is a miss (`CacheFiles`).
    public func lookup(path: String, displayPath: String) -> ChapterResult? {
        guard ChapterRunner.unreadable(path) == nil,
            let chapterBytes = FileManager.default.contents(atPath: path)
        else { return nil }
        let file = entryPath(displayPath), chapter = Self.hash(chapterBytes)
        guard CacheFiles.header(of: file) == [toolIdentity, chapter],
            let entry = try? CacheFiles.readSealed(Entry.self, from: file, blobs: blocks.tensors()),
            entry.tool == toolIdentity, entry.chapter == chapter,
            entry.result.file == displayPath, entry.result.isWhole,
            entry.data.allSatisfy({ hashes.hash(ofFile: $0.path) == $0.hash })
        else { return nil }
        return entry.result
    }

    /// Keeps a result for the next run (not one stopped by its time limit),
    /// keyed by the hashes of the bytes that were run, which the result carries:
    /// the files are not read again, so an edit saved during the run is a miss next time.
    public func store(_ result: ChapterResult) {
        guard !result.timedOut, let chapterHash = result.chapterHash else { return }
        let entry = Entry(
            tool: toolIdentity, chapter: chapterHash,
            data: result.dataFiles.map { DataFile(path: $0, hash: result.dataFileHashes[$0] ?? "") },
            result: result)
        try? CacheFiles.writeSealed(
            entry, header: [toolIdentity, chapterHash], blobs: blocks.tensors(),
            to: entryPath(result.file))
    }

    /// The hashes of files this cache knows (`FileHashMemo`).
    private var hashes: FileHashMemo { FileHashMemo.memo(in: directory) }

    /// The block cache in the same folder, whose blobs the entries share.
    private var blocks: BlockCache { BlockCache(directory: directory, toolIdentity: toolIdentity) }

    /// Beside the chapter's blocks (`BlockCache.chapterFolder`).
    private func entryPath(_ displayPath: String) -> String {
        (blocks.chapterFolder(displayPath) as NSString).appendingPathComponent(ChapterCache.entryName)
    }

    /// The file of a chapter's entry in its folder.
    static let entryName = "chapter"

    static func hash(_ bytes: Data) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.hex
    }

    static func hash(ofFile path: String) -> String? {
        FileManager.default.contents(atPath: path).map(hash)
    }

}
