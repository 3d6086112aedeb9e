import Notation

/// Just enough of the statement syntax to colour a line of a directive block:
/// its leading keyword and where a `#` comment starts (outside a string).
enum DirectiveSyntax {
    static func keyword(in line: String) -> String? {
        let word = String(line.drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter })
        return StatementKeyword(rawValue: word) != nil ? word : nil
    }

    static func commentStart(in line: String) -> String.Index? {
        var inString = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == "\"" { inString.toggle() }
            if c == "#", !inString { return index }
            index = line.index(after: index)
        }
        return nil
    }
}
