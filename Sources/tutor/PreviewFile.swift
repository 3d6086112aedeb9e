import Foundation

/// The file of the output folder that a request's target names: only files
/// inside the folder are ever served, whatever the target spells.
enum PreviewFile {
    enum Refusal: Error, Equatable {
        /// Not a path (`http://…`, `*`), or a malformed percent escape.
        case malformed
        /// A step up (`..`, also percent-encoded) or a link leading out of the folder.
        case outside
        /// Nothing to serve there, or a hidden file (the writer's temporary files are hidden).
        case missing
    }

    /// The resolved path of the file `target` names under `folder`; a folder
    /// gives its `index.html`.
    static func resolve(_ target: String, under folder: String) -> Result<String, Refusal> {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/"), let decoded = percentDecoded(path) else { return .failure(.malformed) }
        // Split after decoding, so that `%2F` and `%2E%2E` are seen as what they mean.
        let steps = decoded.split(separator: "/")
        if steps.contains("..") { return .failure(.outside) }
        if steps.contains(where: { $0.hasPrefix(".") }) { return .failure(.missing) }
        guard let root = realPath(folder) else { return .failure(.missing) }
        var candidate = steps.reduce(root) { ($0 as NSString).appendingPathComponent(String($1)) }
        if isFolder(candidate) { candidate = (candidate as NSString).appendingPathComponent("index.html") }
        // Links are followed, and the place they lead to must still be inside.
        guard let real = realPath(candidate) else { return .failure(.missing) }
        guard real == root || real.hasPrefix(root == "/" ? "/" : root + "/") else { return .failure(.outside) }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .failure(.missing) }
        return .success(real)
    }

    /// The type a browser needs for each kind of file the output holds.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "md": return "text/markdown; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// The bytes `%XX` escapes stand for, read as UTF-8; nil for a broken
    /// escape, invalid UTF-8 or a NUL byte.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard rest.count >= 2, let high = hexValue(rest.popFirst()!), let low = hexValue(rest.popFirst()!) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
