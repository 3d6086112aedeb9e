import Runner

/// What a worker process reports on its standard output, one report a line,
/// so that whatever stops it is placed at the statement it was running:
/// `statement LINE COLUMN SOURCE`, `training LINE EPOCH EPOCHS LOSS`,
/// `note MESSAGE`, and `drawing` once the chapter ran. The chapter is not
/// named: the book's process knows which one its worker runs.
enum WorkerReport {
    case progress(ProgressEvent)
    /// The chapter ran; its pages are being drawn.
    case drawing

    /// The report as a line, line break included; line breaks in the text are replaced by spaces.
    var line: String {
        switch self {
        case .drawing: return "drawing\n"
        case let .progress(.statement(_, line, column, source)):
            return "statement \(line) \(column) \(Self.oneLine(source))\n"
        case let .progress(.note(_, message)): return "note \(Self.oneLine(message))\n"
        case let .progress(.training(_, line, epoch, epochs, loss)):
            return "training \(line) \(epoch) \(epochs) \(loss)\n"
        }
    }

    /// The report `line` (without its line break) makes about chapter `file`; nil when it makes none.
    init?(line: String, file: String) {
        let words = line.split(separator: " ")
        if words == ["drawing"] {
            self = .drawing
        } else if words.first == "statement", words.count >= 3, let l = Int(words[1]), let c = Int(words[2]) {
            let source = line.split(separator: " ", maxSplits: 3).dropFirst(3).first.map(String.init) ?? ""
            self = .progress(.statement(file: file, line: l, column: c, source: source))
        } else if line.hasPrefix("note ") {
            self = .progress(.note(file: file, message: String(line.dropFirst(5))))
        } else if words.first == "training", words.count == 5, let l = Int(words[1]), let e = Int(words[2]),
            let n = Int(words[3]), let loss = Double(words[4])
        {
            self = .progress(.training(file: file, line: l, epoch: e, epochs: n, loss: loss))
        } else {
            return nil
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
