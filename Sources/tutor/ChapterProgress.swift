import Foundation
import Runner

/// Where one running chapter is: the statement it runs and, while it
/// trains, the epoch; and the words that say so on the terminal.
struct ChapterProgress {
    let file: String
    /// Uptime in nanoseconds when the chapter started.
    let started: UInt64
    var line: Int?
    var statement = ""
    var epoch: (done: Int, of: Int, loss: Double)?
    /// When the running statement started, uptime in nanoseconds.
    var statementStarted: UInt64
    /// The line last printed about this chapter off a terminal, uptime in nanoseconds.
    var lastPlainLine: UInt64

    init(file: String, started: UInt64) {
        self.file = file
        self.started = started
        lastPlainLine = started
        statementStarted = started
    }

    mutating func update(_ event: ProgressEvent, now: UInt64) {
        switch event {
        case let .statement(_, line, _, source):
            self.line = line
            statement = source
            statementStarted = now
            epoch = nil
        case let .training(_, line, epoch, epochs, loss):
            self.line = line
            self.epoch = (epoch, epochs, loss)
        case .note:
            break
        }
    }

    /// The chapter's live line on a terminal, at most `width` characters:
    /// `book/02.md  12 s  line 275: train 100 epochs  ████······ 40/100  loss 0.3141`.
    func liveLine(now: UInt64, width: Int) -> String {
        var text = "\(file)  \(Int(Double(now &- started) / 1e9)) s"
        if let line { text += "  line \(line): \(statement)" }
        if let epoch {
            let barWidth = 12, filled = epoch.of > 0 ? min(barWidth, barWidth * epoch.done / epoch.of) : barWidth
            text +=
                "  " + String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled)
                + " \(epoch.done)/\(epoch.of)  loss \(Self.format(epoch.loss))"
        }
        return Self.fit(text, width: width)
    }

    /// The plain line for a statement still running (off a terminal).
    func runningLine(now: UInt64) -> String? {
        guard let line else { return nil }
        return "  \(file):\(line): \(statement): running for \(Int(Double(now &- statementStarted) / 1e9)) s"
    }

    /// The plain line for training progress (off a terminal).
    func trainingLine() -> String? {
        guard let line, let epoch else { return nil }
        return "  \(file):\(line): \(statement): epoch \(epoch.done)/\(epoch.of), loss \(Self.format(epoch.loss))"
    }

    static func format(_ x: Double) -> String { String(format: "%.6g", x) }

    /// Cut to `width` characters, with an ellipsis where it was cut, so that
    /// a live line never wraps (a wrapped line could not be rewritten).
    static func fit(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 1))) + "…"
    }
}
