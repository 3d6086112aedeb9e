/// The data files a chapter read, in the order read, and the hash of each one's
/// bytes: what the cache keys a chapter's results by besides its text.
struct DataFilesRead {
    /// Whether a cache will key results by the hashes; reading a 26 MB data
    /// file again only to hash it is wasted otherwise.
    let hashesFiles: Bool
    private(set) var paths: [String] = []
    /// Taken when a file is first read: an edit saved while the chapter runs does
    /// not give the old result the new bytes' key.
    private(set) var hashes: [String: String] = [:]

    /// Files read now, hashed as they are read.
    mutating func record(_ files: [String]) {
        for path in files where hashesFiles && hashes[path] == nil {
            hashes[path] = ChapterCache.hash(ofFile: path) ?? ""
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
