import Notation

/// A chapter's bytes as cmark sees them, with a line table for turning
/// byte offsets into the locations an editor shows.
///
/// The byte-order mark is dropped and every line ending becomes `\n` before
/// cmark runs, so cmark's line numbers and byte columns match this text and
/// no `\r` reaches math or directives. Columns are counted in Unicode scalars,
/// a tab being one column.
struct SourceText {
    let file: String
    /// UTF-8 without a byte-order mark, lines ended by `\n` only.
    let bytes: [UInt8]
    /// The lines of `bytes`.
    let lineTable: LineTable

    init(file: String, raw: [UInt8]) {
        self.file = file
        let body = Array(raw.starts(with: [0xEF, 0xBB, 0xBF]) ? raw.dropFirst(3) : raw[...])
        let lines = LineTable(body).lines
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count)
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\n")) }
            bytes += body[line]
        }
        self.bytes = bytes
        lineTable = LineTable(bytes)
    }

    /// The chapter's lines as this reading numbers them, without their line
    /// endings: what a diagnostic made after reading quotes.
    static func lines(of raw: [UInt8]) -> [String] {
        let source = SourceText(file: "", raw: raw)
        return source.lineTable.lines.map(source.text)
    }

    var lineCount: Int { lineTable.lines.count }

    /// The byte offset where a 1-based line starts.
    func lineStart(_ line: Int) -> Int { lineRange(line).lowerBound }

    /// The bytes of a 1-based line, without its `\n`; empty past the last line.
    func lineRange(_ line: Int) -> Range<Int> {
        lineTable.range(ofLine: line) ?? bytes.count..<bytes.count
    }

    /// The byte offset of cmark's 1-based line and 1-based byte column.
    func offset(line: Int, byteColumn: Int) -> Int {
        let range = lineRange(line)
        return min(range.lowerBound + max(byteColumn - 1, 0), range.upperBound)
    }

    /// Where a byte offset sits, its column counted in Unicode scalars.
    func location(of offset: Int) -> SourceLocation {
        let line = lineTable.line(containing: offset)
        let start = lineStart(line)
        let scalars = bytes[start..<offset].lazy.filter { $0 & 0xC0 != 0x80 }.count
        return SourceLocation(file: file, line: line, column: scalars + 1)
    }

    /// Where a byte offset sits, counting on from `known`, the location of an
    /// earlier offset (at a scalar boundary) when it is on the same line: finding
    /// many offsets of one line in order takes time linear in the line.
    func location(of offset: Int, after known: (offset: Int, location: SourceLocation)) -> SourceLocation {
        let line = lineTable.line(containing: offset)
        guard known.offset <= offset, known.location.line == line else { return location(of: offset) }
        let scalars = bytes[known.offset..<offset].lazy.filter { $0 & 0xC0 != 0x80 }.count
        return SourceLocation(file: file, line: line, column: known.location.column + scalars)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func lineText(_ line: Int) -> String { text(lineRange(line)) }

    func isBlank(line: Int) -> Bool {
        bytes[lineRange(line)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    var firstInvalidUTF8Offset: Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
