/// Where each line of a text starts and ends: the one place that decides what
/// a line is, so that every line number and every source line shown agree.
///
/// A line ends at `\n`, at `\r\n` or at a lone `\r`, as in CommonMark, so line
/// numbers are cmark's whatever line endings a file was saved with. Every line
/// ending starts a line: a text that ends with one has an empty last line, as
/// an editor shows it.
public struct LineTable: Hashable, Sendable {
    /// The offsets of each line's code units, without its line ending;
    /// element 0 is line 1. Never empty: an empty text is one empty line.
    public let lines: [Range<Int>]

    /// The lines of UTF-8 bytes.
    public init(_ bytes: [UInt8]) {
        lines = Self.lines(of: bytes, carriageReturn: 0x0D, lineFeed: 0x0A)
    }

    /// The lines of Unicode scalars.
    public init(_ scalars: [Unicode.Scalar]) {
        lines = Self.lines(of: scalars, carriageReturn: "\r", lineFeed: "\n")
    }

    /// The code units of the 1-based line `line`, or nil past the last line.
    public func range(ofLine line: Int) -> Range<Int>? {
        lines.indices.contains(line - 1) ? lines[line - 1] : nil
    }

    /// The 1-based line an offset is on: a line ending belongs to the line it
    /// ends, an offset past the end to the last line.
    public func line(containing offset: Int) -> Int {
        // The last line starting at or before the offset.
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Each line of `text` without its line ending.
    public static func lines(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return LineTable(scalars).lines.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    private static func lines<Unit: Equatable>(of units: [Unit], carriageReturn: Unit, lineFeed: Unit) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            guard unit == lineFeed || unit == carriageReturn else {
                index += 1
                continue
            }
            lines.append(start..<index)
            index += unit == carriageReturn && index + 1 < units.count && units[index + 1] == lineFeed ? 2 : 1
            start = index
        }
        lines.append(start..<units.count)
        return lines
    }
}
