import ArgumentParser
import Foundation
import Render

/// Which files are a book's chapters, and where its output may go: the rules
/// that keep the author's sources apart from what tutor writes.
enum BookLayout {
    /// The chapter files named by `paths`, in the book's order: a file must be a
    /// Markdown chapter (`*.md`, not a folder's `README.md`); a folder gives its
    /// `*.md` files in name order, except hidden ones and `README.md`. A file
    /// named more than once (also through a folder or a link) counts once.
    static func chapterFiles(in paths: [String]) throws -> (files: [String], folders: [String]) {
        var files: [String] = [], folders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter(isChapterName).sorted().map { (path as NSString).appendingPathComponent($0) }
                folders.append(path)
            } else {
                let name = (path as NSString).lastPathComponent
                guard isChapterName(name) else {
                    throw ValidationError("'\(path)' is not a chapter: a chapter is a Markdown file named *.md "
                                          + "(README.md describes a folder and is not run)")
                }
                files.append(path)
                let folder = (path as NSString).deletingLastPathComponent
                folders.append(folder.isEmpty ? "." : folder)
            }
        }
        // A chapter named twice (`tutor run book book/01-a.md`) runs once.
        var seen = Set<String>()
        files = files.filter { seen.insert(resolved($0)).inserted }
        return (files, folders)
    }

    static func isChapterName(_ name: String) -> Bool {
        name.hasSuffix(".md") && !name.hasPrefix(".") && name.lowercased() != "readme.md"
    }

    /// Refuses an output folder that is, contains or lies inside a folder of
    /// chapters: pages written there would overwrite or join the sources.
    static func checkOutput(_ output: String, chapterFolders: [String]) throws {
        let target = resolved(output)
        for folder in Set(chapterFolders.map(resolved)) {
            let why: String
            if target == folder { why = "is the folder of chapters" }
            else if isInside(target, folder) { why = "lies inside the folder of chapters" }
            else if isInside(folder, target) { why = "contains the folder of chapters" }
            else { continue }
            throw ValidationError("the output folder '\(output)' \(why) '\(folder)': "
                                  + "choose another with --output (the default is output/)")
        }
    }

    /// Outputs that two chapters, or a chapter and the book, would share, or
    /// that the file system cannot hold: one message per chapter at fault.
    static func collisions(of chapters: [String]) -> [(file: String, message: String)] {
        let reserved = ["index.html": "the book's index", "report.json": "the book's report"]
        var owners: [String: String] = [:]
        var problems: [(String, String)] = []
        for chapter in chapters {
            let names = ChapterFileNames(chapterFile: chapter)
            let outputs = [names.html, names.markdown, names.figureFolder]
            if names.stem.isEmpty {
                problems.append((chapter, "a chapter needs a name before '.md': its pages would have none"))
                continue
            }
            if let longest = outputs.map({ $0.utf8.count }).max(), longest > Int(NAME_MAX) {
                problems.append((chapter, "the file name is too long for its pages: '\(names.html)' would have "
                                 + "\(longest) bytes, more than the \(NAME_MAX) a file name may have; shorten it"))
                continue
            }
            var clash: String?
            for output in outputs {
                if let what = reserved[output] { clash = "its page '\(output)' would replace \(what); rename the chapter" }
                else if let other = owners[output] {
                    clash = "its output '\(output)' is also an output of \(other); rename one of the two"
                }
                if clash != nil { break }
            }
            if let clash { problems.append((chapter, clash)); continue }
            for output in outputs { owners[output] = chapter }
        }
        return problems
    }

    /// The absolute path with links resolved, for the part that exists.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real = realpath(existing, nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing
        return rest.reduce(real) { ($0 as NSString).appendingPathComponent($1) }
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
