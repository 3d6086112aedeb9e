/// A math span found in raw source bytes.
struct MathSpan {
    /// The span with its delimiters.
    var range: Range<Int>
    /// The LaTeX between the delimiters.
    var content: Range<Int>
    /// `$$…$$` rather than `$…$`.
    var isDouble: Bool
}

/// Finds `$…$` and `$$…$$` in the raw bytes of a paragraph or heading, the way
/// cmark would skip them: a backslash escapes the next character (`\$` is a
/// dollar), and code spans are passed over whole.
///
/// As in Pandoc, a single `$` opens only before a non-space and closes only
/// after a non-space and not before a digit, so "from $5 to $10" has no math.
/// A span may cross a soft line break; inside a block quote it then also holds
/// the `>` marker of the next line, which cmark would have removed.
enum MathScanner {
    static func spans(in bytes: [UInt8], _ range: Range<Int>) -> [MathSpan] {
        var spans: [MathSpan] = []
        var index = range.lowerBound
        // Once no `$` closes a single `$`, none closes a later one either: its
        // search sees the same bytes from further on (escapes pair up the same
        // way, and a code span ends on a backtick, where both searches meet).
        var singleCanClose = true
        while index < range.upperBound {
            switch bytes[index] {
            case backslash:
                index += 2
            case backtick:
                index = endOfCodeSpan(in: bytes, startingAt: index, limit: range.upperBound)
            case dollar where index + 1 < range.upperBound && bytes[index + 1] == dollar:
                if let close = closingDouble(in: bytes, from: index + 2, limit: range.upperBound),
                    close > index + 2
                {
                    spans.append(
                        MathSpan(
                            range: index..<close + 2, content: index + 2..<close,
                            isDouble: true))
                    index = close + 2
                } else {
                    index += 2
                }
            case dollar
            where singleCanClose && index + 1 < range.upperBound
                && !bytes[index + 1].isASCIIWhitespace:
                if let close = closingSingle(in: bytes, from: index + 1, limit: range.upperBound) {
                    spans.append(
                        MathSpan(
                            range: index..<close + 1, content: index + 1..<close,
                            isDouble: false))
                    index = close + 1
                } else {
                    singleCanClose = false
                    index += 1
                }
            default:
                index += 1
            }
        }
        return spans
    }

    /// The offset of the `$$` that closes math whose LaTeX starts at `start`.
    static func closingDouble(in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start
        while index + 1 < limit {
            if bytes[index] == backslash {
                index += 2
            } else if bytes[index] == dollar, bytes[index + 1] == dollar {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The offset of the `$` that closes math whose LaTeX starts at `start`, a non-space.
    private static func closingSingle(in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit {
            if bytes[index] == backslash {
                index += 2
                continue
            }
            if bytes[index] == dollar, index > start, !bytes[index - 1].isASCIIWhitespace,
                !(index + 1 < limit && isDigit(bytes[index + 1]))
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Past the code span opened by the backtick run at `start`, or past the
    /// run alone when no run of the same length closes it (then it is literal).
    private static func endOfCodeSpan(in bytes: [UInt8], startingAt start: Int, limit: Int) -> Int {
        let openEnd = endOfRun(in: bytes, from: start, limit: limit)
        let length = openEnd - start
        var index = openEnd
        while index < limit {
            if bytes[index] == backtick {
                let runEnd = endOfRun(in: bytes, from: index, limit: limit)
                if runEnd - index == length { return runEnd }
                index = runEnd
            } else {
                index += 1
            }
        }
        return openEnd
    }

    private static func endOfRun(in bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, bytes[index] == backtick { index += 1 }
        return index
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let backtick = UInt8(ascii: "`")
    private static let dollar = UInt8(ascii: "$")
}

extension UInt8 {
    /// A space, tab or line feed: the white space of a chapter's lines.
    var isASCIIWhitespace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\n")
    }
}
