/// The data files a chapter read, in the order read, and the hash of each one's
/// bytes: what the cache keys a chapter's results by besides its text.
struct DataFilesRead {
    /// How a file's hash is taken: the block cache's, which remembers it between
    /// runs. Without a cache nothing reads the hashes, and a 26 MB data file is
    /// not read a second time only to hash it.
    let hashFile: ((String) -> String?)?
    private(set) var paths: [String] = []
    /// Taken when a file is first read: an edit saved while the chapter runs does
    /// not give the old result the new bytes' key.
    private(set) var hashes: [String: String] = [:]

    /// Files read now, hashed as they are read.
    mutating func record(_ files: [String]) {
        if let hashFile {
            for path in files where hashes[path] == nil { hashes[path] = hashFile(path) ?? "" }
        }
        paths += files
    }

    /// Files read by blocks whose results came from the cache, with the hashes
    /// they were read with.
    mutating func adopt(_ files: [String], hashes adopted: [String: String]) {
        for path in files where hashes[path] == nil { hashes[path] = adopted[path] ?? "" }
        paths += files
    }
}
