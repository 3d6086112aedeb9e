import Foundation
import Glibc

/// Notices when a book's sources change, by polling: every file under the
/// folders named (chapters, images, data, a book file), the chapter files
/// named, and the data files the chapters read wherever they are.
///
/// Polling the files' size, time of change and inode every few hundred
/// milliseconds needs no dependency, works on every file system, and sees an
/// editor's save by renaming a new file into place as well as a write.
struct SourceWatcher {
    /// The book's paths as given on the command line.
    let paths: [String]
    /// Folders never looked into: the output folder, which preview itself writes.
    let excluded: [String]

    static let interval = 0.3

    /// The state of every watched path; nil for a path that does not exist (yet).
    typealias Snapshot = [String: Stamp?]

    struct Stamp: Equatable {
        var size: Int64
        var modified: timespec
        var inode: UInt64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.inode == b.inode
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// The files to watch now, with `dataFiles` the files the last run read.
    func snapshot(dataFiles: [String]) -> Snapshot {
        var files: Snapshot = [:]
        let skipped = Set(excluded.map(resolved))
        for path in paths {
            if isFolder(path) {
                // Its files, not the folder itself, whose time changes with every editor's temporary file.
                for file in filesUnder(path, skipping: skipped) { files.updateValue(stamp(file), forKey: file) }
            } else {
                // A path that is missing now is watched for when it appears.
                files.updateValue(stamp(path), forKey: path)
            }
        }
        for file in dataFiles { files.updateValue(stamp(file), forKey: file) }
        return files
    }

    /// What to compare with after a run that began at `before` and read
    /// `dataFiles`: the state `before` recorded, so that a file saved, added or
    /// removed while the book ran is still seen as changed; and for a data file
    /// the run read for the first time, its state now.
    func baseline(before: Snapshot, dataFiles: [String]) -> Snapshot {
        var result = before
        for file in dataFiles where before.index(forKey: file) == nil { result.updateValue(stamp(file), forKey: file) }
        return result
    }

    /// Waits until the sources differ from `baseline`, then until they stay the
    /// same for one interval (an editor may write a file in several steps);
    /// returns the paths that changed.
    func waitForChange(from baseline: Snapshot, dataFiles: [String]) -> [String] {
        var current = baseline
        while current == baseline {
            Thread.sleep(forTimeInterval: Self.interval)
            current = snapshot(dataFiles: dataFiles)
        }
        while true {
            Thread.sleep(forTimeInterval: Self.interval)
            let next = snapshot(dataFiles: dataFiles)
            if next == current { break }
            current = next
        }
        let paths = Set(baseline.keys).union(current.keys).filter { baseline[$0] != current[$0] }
        return paths.sorted()
    }

    private func stamp(_ path: String) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Stamp(size: Int64(status.st_size), modified: status.st_mtim, inode: UInt64(status.st_ino))
    }

    /// Every file below `folder`, except hidden ones (a cache, an editor's
    /// swap files) and the excluded folders.
    private func filesUnder(_ folder: String, skipping skipped: Set<String>) -> [String] {
        var files: [String] = []
        var pending = [folder]
        var visited = Set<String>()
        while let current = pending.popLast() {
            // A link back up the tree is followed once.
            guard visited.insert(resolved(current)).inserted else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                if isFolder(path) {
                    if !skipped.contains(resolved(path)) { pending.append(path) }
                } else {
                    files.append(path)
                }
            }
        }
        return files
    }

    private func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
