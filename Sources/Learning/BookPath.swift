import Foundation

/// The rule for paths in a chapter: relative to the chapter's folder, and never
/// leaving the book's folder.
///
/// A book is something one downloads and runs, so its chapters must not be able to
/// read `/etc/passwd`, `../../.ssh/id_rsa`, or a symbolic link to either.
public enum BookPath {
    /// The absolute path that `relative`, written in a chapter in `chapterDirectory`,
    /// names, after checking that it stays inside `bookRoot`.
    ///
    /// Refused: an empty or absolute path; a path whose `..` steps climb out of the
    /// book; a path reaching, through a symbolic link, a file or folder outside the
    /// book (links are followed with `realpath`). A path to a file that does not
    /// exist is returned, and the reader reports it missing.
    public static func resolve(_ relative: String, chapterDirectory: String, bookRoot: String) throws -> String {
        guard !relative.isEmpty else {
            throw DataError(file: relative, "empty path; write the file's path relative to the chapter")
        }
        guard !relative.hasPrefix("/") else {
            throw DataError(
                file: relative,
                "absolute paths are not allowed; write the path "
                    + "relative to the chapter's folder, inside the book")
        }
        let root = lexicallyNormalized(absolute(bookRoot))
        let candidate = lexicallyNormalized(absolute(chapterDirectory) + "/" + relative)
        guard isInside(candidate, root) else {
            throw DataError(file: relative, "leaves the book's folder \(root) (it names \(candidate))")
        }
        guard let realRoot = realPath(root) else {
            throw DataError(file: bookRoot, "the book's folder does not exist")
        }
        // The longest part of the path that exists decides where links lead.
        var existing = candidate
        var target = realPath(existing)
        while target == nil, existing != root {
            existing = (existing as NSString).deletingLastPathComponent
            target = realPath(existing)
        }
        if let target, !isInside(target, realRoot) {
            throw DataError(
                file: relative,
                "leads outside the book's folder through a symbolic link: "
                    + "\(existing) is \(target)")
        }
        return candidate
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// `path` with empty and `.` components dropped and each `..` removing the one
    /// before it, without consulting the file system.
    private static func lexicallyNormalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether `path` is `folder` or below it, comparing whole components.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
