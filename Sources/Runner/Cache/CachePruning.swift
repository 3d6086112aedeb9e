import Foundation

/// Keeps the cache folder to what can still be used, after a run:
///
/// 1. in the folder of every chapter that ran with the cache, the blocks,
///    states and formula definitions its run did not use (an edit leaves the
///    old ones unreachable), and files of an earlier format;
/// 2. while the cache is larger than `sizeLimit`, whole folders of chapters
///    this run did not touch, least recently used first;
/// 3. large values no stored file refers to any more.
///
/// What this run used is never removed, so a book larger than the limit keeps
/// its own cache.
public struct CachePruning: Sendable {
    public let cache: BlockCache
    public var sizeLimit: Int

    /// 1 GiB: a few trainings' states with a data set such as Fashion-MNIST's.
    public static let defaultSizeLimit = 1 << 30

    public init(cache: BlockCache, sizeLimit: Int = CachePruning.defaultSizeLimit) {
        self.cache = cache
        self.sizeLimit = sizeLimit
    }

    public func prune(after chapters: [ChapterResult]) {
        let files = FileManager.default
        var used = Set<String>()
        for chapter in chapters {
            let folder = cache.chapterFolder(chapter.file)
            used.insert((folder as NSString).lastPathComponent)
            guard let keys = chapter.cacheKeys.map(Set.init) else { continue }
            for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where !Self.chapterFiles.contains(name) {
                try? files.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
            for kind in Self.kinds {
                let path = (folder as NSString).appendingPathComponent(kind)
                for name in (try? files.contentsOfDirectory(atPath: path)) ?? [] where !keys.contains(name) {
                    try? files.removeItem(atPath: (path as NSString).appendingPathComponent(name))
                }
            }
            utimes(folder, nil)  // used now: the last to go when over the limit
        }
        var others = chapterFolders().filter { !used.contains(($0 as NSString).lastPathComponent) }
            .map { (path: $0, used: Self.modified($0)) }
            .sorted { $0.used < $1.used }
        while size(of: cache.directory) > sizeLimit, !others.isEmpty {
            try? files.removeItem(atPath: others.removeFirst().path)
            removeUnreferencedBlobs()
        }
        removeUnreferencedBlobs()
    }

    /// The folders of a chapter's stored files, by kind.
    private static let kinds = ["blocks", "states", "formulas"]
    /// What a chapter's folder holds.
    private static let chapterFiles = Set(kinds + [ChapterCache.entryName])

    private func chapterFolders() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.directory)) ?? []
        return names.filter { $0 != "blobs" && !$0.hasPrefix(".") }
            .map { (cache.directory as NSString).appendingPathComponent($0) }
    }

    private func removeUnreferencedBlobs() {
        var referenced = Set<String>()
        for folder in chapterFolders() {
            referenced.formUnion(
                CacheFiles.blobs(of: (folder as NSString).appendingPathComponent(ChapterCache.entryName)))
            for kind in Self.kinds {
                let path = (folder as NSString).appendingPathComponent(kind)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    referenced.formUnion(CacheFiles.blobs(of: (path as NSString).appendingPathComponent(name)))
                }
            }
        }
        let blobs = cache.blobFolder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: blobs)) ?? []
        where name.hasSuffix(".f64") && !referenced.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(atPath: (blobs as NSString).appendingPathComponent(name))
        }
    }

    private func size(of folder: String) -> Int {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total = 0
        while let name = walk.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { total += Int(info.st_size) }
        }
        return total
    }

    private static func modified(_ path: String) -> Double {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
}
