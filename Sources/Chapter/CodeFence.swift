/// Facts about a code block that cmark does not report but its source lines show.
struct CodeFence {
    /// The fence character (`` ` `` or `~`) and how many opened the block.
    let character: UInt8
    let length: Int

    /// The fence that opens the block whose first line is `line`, or `nil` for
    /// an indented block (whose line starts with a tab or four spaces).
    init?(openingLine line: ArraySlice<UInt8>) {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - body.count <= 3, let first = body.first,
            first == UInt8(ascii: "`") || first == UInt8(ascii: "~")
        else { return nil }
        let run = body.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        character = first
        length = run
    }

    /// Whether `line` closes this fence: at most three spaces, at least as many
    /// fence characters, then only spaces or tabs.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - body.count <= 3 else { return false }
        let run = body.prefix { $0 == character }.count
        return run >= length
            && body.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
