import Foundation
import Notation
import Render
import Runner

/// Progress, errors and the closing summary, on standard error.
final class Console: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(2) == 1
    private let lock = NSLock()
    private var lastPlainLine = DispatchTime.now().uptimeNanoseconds
    private var barShown = false

    init(quiet: Bool) { self.quiet = quiet }

    func error(_ text: String) { write(text + "\n") }

    func starting(_ file: String) {
        guard !quiet else { return }
        write("running \(file)\n")
    }

    func reused(_ file: String) {
        guard !quiet else { return }
        write("unchanged \(file): results from the cache\n")
    }

    /// A bar redrawn in place on a terminal; elsewhere a plain line now and then.
    func show(_ event: ProgressEvent) {
        guard !quiet else { return }
        switch event {
        case let .training(_, line, epoch, epochs, loss):
            lock.lock(); defer { lock.unlock() }
            if isTerminal {
                let width = 30, filled = epochs > 0 ? width * epoch / epochs : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                writeLocked("\r  line \(line) train \(bar) epoch \(epoch)/\(epochs)  loss \(format(loss))\u{1B}[K")
                barShown = true
            } else {
                let now = DispatchTime.now().uptimeNanoseconds
                if now - lastPlainLine > 2_000_000_000 || epoch == epochs {
                    lastPlainLine = now
                    writeLocked("  line \(line): epoch \(epoch)/\(epochs), loss \(format(loss))\n")
                }
            }
        case .statement:
            break
        }
    }

    func finished(_ chapter: ChapterResult) {
        lock.lock()
        if barShown { writeLocked("\r\u{1B}[K"); barShown = false }
        lock.unlock()
        // One write per chapter, so that chapters running at once do not interleave.
        var text = ""
        for diagnostic in chapter.diagnosticsWithWarnings { text += diagnostic.rendered + "\n" }
        for check in chapter.checks where check.status == .failed || check.status == .xpass || check.status == .error {
            let place = check.location.map { "\($0.line):\($0.column)" } ?? "\(check.line):\(check.column)"
            text += "\(chapter.file):\(place): \(check.status.rawValue): \(CheckText.message(check))\n"
        }
        write(text)
    }

    func summary(_ book: BookResult) {
        // errata: the article's errors confirmed; one not confirmed shows among failed or errors.
        var rows = [["chapter", "status", "passed", "failed", "xfail", "errata", "errors", "seconds"]]
        func counted(_ counts: ChapterCounts) -> [String] {
            ["\(counts.passed)", "\(counts.failed + counts.xpass)", "\(counts.xfail)",
             "\(counts.errata)", "\(counts.errors)"]
        }
        for c in book.chapters {
            rows.append([c.file, c.status.rawValue] + counted(c.counts) + [String(format: "%.2f", c.seconds)])
        }
        rows.append(["total", ""] + counted(book.summary.counts)
                    + [String(format: "%.2f", book.chapters.reduce(0) { $0 + $1.seconds })])
        // Display widths: a chapter named in Chinese takes two columns a character.
        let widths = rows[0].indices.map { i in rows.map { displayWidth($0[i]) }.max() ?? 0 }
        var text = "\n"
        for (n, row) in rows.enumerated() {
            text += row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                return i == 0 || i == 1 ? cell + pad : pad + cell
            }.joined(separator: "  ") + "\n"
            if n == 0 || n == rows.count - 2 { text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        write(text)
    }

    private func format(_ x: Double) -> String { String(format: "%.6g", x) }

    private func write(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        writeLocked(text)
    }

    private func writeLocked(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
