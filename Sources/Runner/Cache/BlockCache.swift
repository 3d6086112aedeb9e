import Chapter
import Foundation

/// Results and states of directive blocks kept between runs, so that an edit
/// re-runs a chapter from the first block it changed and prose alone re-runs
/// nothing.
///
/// Keys form a chain. The state after a block is keyed by the key of the
/// state before it, the block as written (its text and where it stands, since
/// locations are part of results and messages), the hashes of the data files
/// it read and whether it stopped the chapter; the chain starts from the
/// tool's identity, the chapter's name and the folders data paths resolve in.
/// Formula definitions, the only state `check formula` changes, have a chain
/// of their own, which moves at blocks that check formulas (with the display
/// math above them). A block's results are keyed by the state before it, the
/// block and, if it checks formulas, the definitions so far and the display
/// math above: an edited formula runs again the blocks that check formulas
/// from there on, and no training. A stored block is used only while the data
/// files it read still have their hashes.
///
/// Files, in the cache folder: `<chapter>/blocks/<key>` (a block's results),
/// `<chapter>/states/<key>` (the state after it), `<chapter>/formulas/<key>`
/// (formula definitions), and `blobs/<fingerprint>.f64` (large values,
/// shared), where `<chapter>` is a fingerprint of the chapter's name.
public struct BlockCache: Sendable {
    public let directory: String
    public let toolIdentity: String
    /// Data files' hashes, taken once for the blocks of a run that read the same file.
    private let fileHashes: FileHashes
    private let blobs = KnownBlobs()

    public init(directory: String, toolIdentity: String) {
        self.directory = directory
        self.toolIdentity = toolIdentity
        fileHashes = FileHashes(memo: FileHashMemo.memo(in: directory))
    }

    /// What the cache stores for one block.
    struct Entry: Codable {
        var tool: String
        var key: String
        /// The key of the state after the block.
        var stateKey: String
        /// The block stopped its chapter (a failed statement or a syntax error).
        var stopped: Bool
        var dataFiles: [String]
        var dataFileHashes: [String: String]
        var result: BlockResult
    }

    func startKey(file: String, chapterDirectory: String, bookRoot: String) -> String {
        var hash = ContentHash()
        hash.add(CacheFiles.format)
        hash.add(toolIdentity)
        for part in [file, chapterDirectory, bookRoot] { hash.add(part) }
        return hash.hex
    }

    /// The block as written after the state so far.
    func blockKey(after state: String, block: Directive) -> String {
        var hash = ContentHash()
        hash.add(state)
        hash.add(Self.bytes(of: block))
        return hash.hex
    }

    /// The key of a block's results: the block after the state so far and, for
    /// a block that checks formulas, the definitions so far and the display
    /// math above it.
    func resultKey(_ blockKey: String, formulas: (definitions: String?, displayMath: DisplayMath?)?) -> String {
        var hash = ContentHash()
        hash.add(blockKey)
        if let formulas {
            hash.add(formulas.definitions ?? "none")
            hash.add(Self.bytes(of: formulas.displayMath))
        } else {
            hash.add("no formulas")
        }
        return hash.hex
    }

    /// The key of the state after a block: the block, the data files it read
    /// and whether it stopped its chapter. The display math is not part of
    /// it: a formula check changes nothing but the formula definitions.
    static func stateKey(_ blockKey: String, dataFiles: [String], hashes: [String: String], stopped: Bool) -> String {
        var hash = ContentHash()
        hash.add(blockKey)
        for path in dataFiles {
            hash.add(path)
            hash.add(hashes[path] ?? "")
        }
        hash.add(stopped ? "stopped" : "went on")
        return hash.hex
    }

    /// The key of the formula definitions after a block that checks formulas.
    static func definitionsKey(after previous: String?, state: String, displayMath: DisplayMath?) -> String {
        var hash = ContentHash()
        hash.add(previous ?? "none")
        hash.add(state)
        hash.add(Self.bytes(of: displayMath))
        return hash.hex
    }

    /// A value's bytes in the cache's form, for a key.
    private static func bytes<T: Encodable>(of value: T) -> Data {
        Data((try? RecordEncoder().encode(value)) ?? [])
    }

    /// The stored block under `key`: nil when there is none or a data file it
    /// read changed; `CacheDamage` when the stored file cannot be used.
    func entry(_ key: String, file: String) throws -> Entry? {
        guard let entry = try CacheFiles.readSealed(Entry.self, from: blockPath(key, file: file), blobs: tensors())
        else { return nil }
        guard entry.tool == toolIdentity, entry.key == key else { throw CacheDamage("stored under another key") }
        for path in Set(entry.dataFiles) where fileHashes.hash(ofFile: path) != entry.dataFileHashes[path] {
            return nil
        }
        return entry
    }

    func state(_ key: String, file: String) throws -> (StateSnapshot, TensorStore) {
        let tensors = tensors()
        guard
            let state = try CacheFiles.readSealed(StateSnapshot.self, from: statePath(key, file: file), blobs: tensors)
        else {
            throw CacheDamage("the state it continues from is missing")
        }
        return (state, tensors)
    }

    /// The formula definitions under `key` (none before the first block that checks formulas).
    func definitions(_ key: String?, file: String) throws -> [FormulaContext.SymbolKey: FormulaContext.Definition] {
        guard let key else { return [:] }
        guard
            let stored = try CacheFiles.readSealed(
                [StateSnapshot.Definition].self,
                from: definitionsPath(key, file: file), blobs: tensors())
        else {
            throw CacheDamage("the formula definitions it continues from are missing")
        }
        return Dictionary(stored.map { ($0.key, $0.definition) }, uniquingKeysWith: { a, _ in a })
    }

    /// Keeps a block's results and, given an interpreter, the state after it
    /// and, under `definitions`, its formula definitions.
    func store(_ entry: Entry, state interpreter: Interpreter?, definitions: String?, file: String) throws {
        let tensors = tensors()
        if let interpreter, let state = try StateSnapshot(interpreter, tensors: tensors) {
            try CacheFiles.writeSealed(state, blobs: tensors, to: statePath(entry.stateKey, file: file))
            if let definitions {
                try CacheFiles.writeSealed(
                    StateSnapshot.definitions(of: interpreter), blobs: self.tensors(),
                    to: definitionsPath(definitions, file: file))
            }
        }
        try CacheFiles.writeSealed(entry, blobs: self.tensors(), to: blockPath(entry.key, file: file))
    }

    /// A store of large values for one file: what it refers to is listed in that file.
    func tensors() -> TensorStore { TensorStore(directory: blobFolder, known: blobs) }

    /// The folder of one chapter's blocks and states.
    public func chapterFolder(_ file: String) -> String {
        var hash = ContentHash()
        hash.add(file)
        return (directory as NSString).appendingPathComponent(hash.hex)
    }

    var blobFolder: String { (directory as NSString).appendingPathComponent("blobs") }

    func blockPath(_ key: String, file: String) -> String {
        (chapterFolder(file) as NSString).appendingPathComponent("blocks/\(key)")
    }

    func definitionsPath(_ key: String, file: String) -> String {
        (chapterFolder(file) as NSString).appendingPathComponent("formulas/\(key)")
    }

    /// The hash of a file's bytes, taken once a run and remembered between runs
    /// while the file's status is unchanged (`FileHashMemo`).
    func hash(ofFile path: String) -> String? { fileHashes.hash(ofFile: path) }

    func statePath(_ key: String, file: String) -> String {
        (chapterFolder(file) as NSString).appendingPathComponent("states/\(key)")
    }
}

/// Hashes of files, each taken once a run.
private final class FileHashes: @unchecked Sendable {
    private let memo: FileHashMemo
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    init(memo: FileHashMemo) { self.memo = memo }

    func hash(ofFile path: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        if let hash = known[path] { return hash }
        let hash = memo.hash(ofFile: path)
        known[path] = hash
        return hash
    }
}
