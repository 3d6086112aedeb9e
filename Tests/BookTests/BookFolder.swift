import Foundation

/// A book's folder under the system's temporary directory, written file by
/// file, removed on deinit. Its name is the book's: messages begin with it.
final class BookFolder {
    /// The folder holding the book's folder (and any output beside it).
    let parent: String
    let path: String

    init(named name: String = "book") throws {
        parent =
            URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("tutor-book-tests-" + UUID().uuidString).standardizedFileURL
            .resolvingSymlinksInPath().path
        path = parent + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: parent)
    }

    /// Writes `text` to `name` (folders made as needed) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A path beside the book's folder.
    func beside(_ name: String) -> String { parent + "/" + name }
}

/// A chapter of prose and one block whose statements are `statements`.
func chapter(_ title: String, _ statements: String = "let x = 1") -> String {
    "# \(title)\n\nSome prose.\n\n```tutor\n\(statements)\n```\n"
}
