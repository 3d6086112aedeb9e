import Foundation
import Notation

/// Reads a chapter's Markdown into a ``ChapterDocument`` and the problems found on the way.
///
/// Reading never stops early: a problem becomes a located ``Diagnostic`` and the
/// rest of the chapter is still read. The one exception is a file that is not
/// UTF-8, which is rejected whole at its first bad byte.
///
/// Where the format leaves room, these are the readings chosen:
/// - Directives and display math are top-level blocks only; a ```` ```tutor ````
///   fence or a `$$` paragraph inside a list or quote is prose.
/// - `$$…$$` that is not a whole paragraph is inline math in display style.
/// - A paragraph that opens with `$$` and never closes it is an error and stays
///   prose; an unclosed ```` ```tutor ```` fence is an error (other fences a
///   warning) and, as cmark reads it, runs to the end of the file.
/// - The title is the first level-1 heading, else the first heading, else the
///   file name without `.md`.
public enum ChapterReader {
    public static func read(file: String, contents: [UInt8])
        -> (document: ChapterDocument, diagnostics: [Diagnostic])
    {
        let source = SourceText(file: file, raw: contents)
        if let bad = source.firstInvalidUTF8Offset {
            let location = source.location(of: bad)
            let byte = String(source.bytes[bad], radix: 16, uppercase: true)
            let diagnostic = Diagnostic(
                "the chapter is not valid UTF-8 (byte 0x\(byte)); save it as UTF-8",
                at: location, sourceLine: source.lineText(location.line))
            return (emptyDocument(file: file), [diagnostic])
        }
        var assembly = BlockAssembly(source: source)
        assembly.add(CommonMark.parse(source.bytes).children)
        return (ChapterDocument(file: file, blocks: assembly.blocks), assembly.diagnostics)
    }

    public static func read(file: String, contents: String)
        -> (document: ChapterDocument, diagnostics: [Diagnostic])
    {
        read(file: file, contents: Array(contents.utf8))
    }

    /// The chapter's lines as the reader numbers them, without line endings or
    /// a byte-order mark: the source lines that diagnostics made later quote.
    public static func sourceLines(contents: [UInt8]) -> [String] {
        SourceText.lines(of: contents)
    }

    /// Reads the file at `path`; diagnostics name the path as given.
    public static func read(path: String) -> (document: ChapterDocument, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let diagnostic = Diagnostic(
                "cannot read the chapter file",
                at: SourceLocation(file: path, line: 1, column: 1))
            return (emptyDocument(file: path), [diagnostic])
        }
        return read(file: path, contents: [UInt8](data))
    }

    private static func emptyDocument(file: String) -> ChapterDocument {
        ChapterDocument(file: file, blocks: [])
    }
}
