import MathML
import Runner

/// A neighbouring chapter, as a page links to it: its file names the page, its
/// title is the link's text.
public struct ChapterLink {
    public var file: String
    public var title: String

    public init(file: String, title: String) {
        self.file = file
        self.title = title
    }

    public init(_ chapter: ChapterResult) { self.init(file: chapter.file, title: chapter.title) }
}

/// Links and images between the files of a book, as its pages must write them.
///
/// Chapters link to each other by their source files (`02-xor.md`,
/// `../part-2/05-x.md#the-loss`); the pages live side by side in the output
/// folder, so such a link is rewritten to the page (`02-xor.html#the-loss` in
/// HTML, `02-xor.md` in the Markdown output). An image beside the chapters
/// (a relative path) is copied into the output folder at its place in the
/// book, and its address rewritten to that place; an image that would leave
/// the book's folder is not copied and shows its description instead. Remote
/// images are left to `RemoteImages`. Names are the chapters' display names
/// (`mybook/part-2/05-x.md`), whose first component is the book's folder.
public struct BookLinks {
    /// The pages of the book's chapters, by display name.
    let pages: [String: ChapterFileNames]

    public init(chapterFiles: [String]) {
        pages = Dictionary(
            chapterFiles.map { ($0, ChapterFileNames(chapterFile: $0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// An image a page shows: where it is in the book (`part-2/img/a.png`),
    /// which is also where it goes in the output folder.
    public struct Image: Hashable, Sendable {
        public var pathInBook: String
    }

    private static let anchor = try! Regex(#"<a href="([^"]*)""#)
    private static let image = try! Regex(#"<img src="([^"]*)" alt="([^"]*)"((?: title="[^"]*")? />)"#)
    private static let markdownTarget = try! Regex(#"(!?\[[^\]\n]*\]\()([^)\s"]+)"#)
    private static let scheme = try! Regex(#"^[A-Za-z][A-Za-z0-9+.\-]*:"#)

    /// `page` (the HTML of the chapter `file`) with its chapter links and
    /// images rewritten, and the images it shows from the book.
    public func html(_ page: String, of file: String) -> (page: String, images: [Image]) {
        var images: [Image] = []
        var html = page.replacing(Self.anchor) { match in
            let address = Self.unescaped(String(match.output[1].substring ?? ""))
            guard let target = chapterPage(address, from: file) else { return String(match.output[0].substring ?? "") }
            return "<a href=\"\(Escaping.text(Escaping.relativeAddress(target.names.html) + target.fragment))\""
        }
        html = html.replacing(Self.image) { match in
            let whole = String(match.output[0].substring ?? "")
            let address = Self.unescaped(String(match.output[1].substring ?? ""))
            guard isLocal(address) else { return whole }
            guard let place = pathInBook(address, from: file) else {
                let description = String(match.output[2].substring ?? "")
                return "<span class=\"remote-image\">image: \(description.isEmpty ? "(no description)" : description)"
                    + " (not shown: it is outside the book's folder)</span>"
            }
            images.append(Image(pathInBook: place.path))
            return "<img src=\"\(Escaping.text(Self.address(place.path) + place.fragment))\" alt=\""
                + String(match.output[2].substring ?? "") + "\"" + String(match.output[3].substring ?? "")
        }
        return (html, images)
    }

    /// `page` (the Markdown of the chapter `file`) with the targets of its
    /// inline links and images that are chapters or images of the book
    /// rewritten to where they are in the output folder.
    public func markdown(_ page: String, of file: String) -> String {
        page.replacing(Self.markdownTarget) { match in
            let opening = String(match.output[1].substring ?? "")
            let written = String(match.output[2].substring ?? "")
            let address = written.removingPercentEncoding ?? written
            if opening.hasPrefix("!") {
                // The page's own figures (`02-step/line-9-loss.svg`) are already where the page is.
                let figures = ChapterFileNames(chapterFile: file).figureFolder + "/"
                guard isLocal(address), !address.hasPrefix(figures), let place = pathInBook(address, from: file)
                else { return opening + written }
                return opening + Self.address(place.path) + place.fragment
            }
            guard let target = chapterPage(address, from: file) else { return opening + written }
            return opening + Escaping.relativeAddress(target.names.markdown) + target.fragment
        }
    }

    /// The page a link goes to, when it names a chapter of the book.
    private func chapterPage(_ address: String, from file: String) -> (names: ChapterFileNames, fragment: String)? {
        guard isLocal(address), let place = pathInBook(address, from: file), place.path.hasSuffix(".md") else {
            return nil
        }
        let book = file.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let display = file.contains("/") ? book + "/" + place.path : place.path
        return pages[display].map { ($0, place.fragment) }
    }

    /// A relative address: no scheme, not another host, not the page itself.
    private func isLocal(_ address: String) -> Bool {
        !address.isEmpty && !address.hasPrefix("#") && !address.hasPrefix("/") && !address.hasPrefix("\\")
            && address.firstMatch(of: Self.scheme) == nil
    }

    /// The path in the book's folder that `address`, written in `file`, names
    /// (with its `#fragment` or `?query` apart); nil when it leaves the folder.
    private func pathInBook(_ address: String, from file: String) -> (path: String, fragment: String)? {
        let cut = address.firstIndex { $0 == "#" || $0 == "?" } ?? address.endIndex
        let path = String(address[..<cut]).removingPercentEncoding ?? String(address[..<cut])
        var parts = file.split(separator: "/").dropLast().map(String.init)
        // Display names start with the book's folder, which links cannot climb above.
        let floor = file.contains("/") ? 1 : 0
        for part in path.split(separator: "/", omittingEmptySubsequences: false) where part != "." && !part.isEmpty {
            if part == ".." {
                guard parts.count > floor else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        let inside = parts.dropFirst(floor)
        guard !inside.isEmpty else { return nil }
        return (inside.joined(separator: "/"), String(address[cut...]))
    }

    /// A path in the book as an address, each component escaped.
    private static func address(_ path: String) -> String {
        path.split(separator: "/").map { Escaping.relativeAddress(String($0)) }.joined(separator: "/")
    }

    /// An attribute's text as cmark escaped it, unescaped.
    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
