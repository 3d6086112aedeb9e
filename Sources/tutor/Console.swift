import Book
import Foundation
import Notation
import Render
import Runner

/// Progress, errors and the closing summary, on standard error.
///
/// Each chapter is named in everything said about it: its start at once, the
/// statement and epoch it runs, and a mark when it ends (`done`, `cached`,
/// `failed`) with its time. On a terminal the running chapters have a live
/// status below the rest, one line each, rewritten in place; anywhere else
/// only plain lines are written, never an escape code: the start, the last
/// epoch of every training (and one every few seconds of a long one, as for
/// any statement that runs that long), the marks.
final class Console: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal: Bool
    private let output: (String) -> Void
    private let lock = NSLock()
    private var running: [ChapterProgress] = []
    /// Lines of the live status now on the terminal.
    private var drawnLines = 0
    private var lastDrawn: UInt64 = 0
    private var cached = 0
    private var ticker: DispatchSourceTimer?

    /// Off a terminal, a long statement or training is reported this often.
    static let plainInterval: UInt64 = 5_000_000_000
    /// On a terminal, the live status is drawn at most this often.
    static let redrawInterval: UInt64 = 100_000_000

    init(
        quiet: Bool, isTerminal: Bool = isatty(2) == 1,
        output: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.quiet = quiet
        self.isTerminal = isTerminal
        self.output = output
    }

    func error(_ text: String) { permanent(text + "\n") }

    /// Shows what a book's run reports, from the thread of the chapter it is about.
    func show(_ event: BookEvent) {
        switch event {
        case let .started(chapter): starting(chapter)
        case let .progress(progress): show(progress)
        case let .finished(result, fromCache): finished(result, fromCache: fromCache)
        }
    }

    private func starting(_ file: String) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        running.append(ChapterProgress(file: file, started: Self.now()))
        startTicker()
        if isTerminal {
            redraw(force: true)
        } else {
            output("running \(file)\n")
        }
    }

    private func show(_ event: ProgressEvent) {
        guard !quiet else { return }
        if case let .note(file, message) = event {
            permanent("\(file): note: \(message)\n")
            return
        }
        let file: String
        switch event {
        case let .statement(name, _, _, _), let .training(name, _, _, _, _), let .note(name, _): file = name
        }
        lock.lock(); defer { lock.unlock() }
        guard let index = running.firstIndex(where: { $0.file == file }) else { return }
        running[index].update(event, now: Self.now())
        if isTerminal {
            redraw(force: false)
        } else if case let .training(_, _, epoch, epochs, _) = event {
            let now = Self.now()
            if epoch == epochs || now &- running[index].lastPlainLine >= Self.plainInterval,
                let line = running[index].trainingLine()
            {
                running[index].lastPlainLine = now
                output(line + "\n")
            }
        }
    }

    /// A chapter's end: its mark, then its errors and the checks that did not hold
    /// (these even when quiet). One write, so that chapters ending at once do not interleave.
    private func finished(_ chapter: ChapterResult, fromCache: Bool) {
        lock.lock()
        running.removeAll { $0.file == chapter.file }
        if fromCache { cached += 1 }
        lock.unlock()
        var text = quiet ? "" : Self.mark(chapter, fromCache: fromCache) + "\n"
        for diagnostic in chapter.diagnosticsWithWarnings { text += diagnostic.rendered + "\n" }
        for check in chapter.checks where check.status == .failed || check.status == .xpass || check.status == .error {
            let place = check.location.map { "\($0.line):\($0.column)" } ?? "\(check.line):\(check.column)"
            text += "\(chapter.file):\(place): \(check.status.rawValue): \(CheckText.message(check))\n"
        }
        permanent(text)
    }

    /// `done    book/01.md in 1.25 s: 3 blocks run, 2 from the cache`.
    static func mark(_ chapter: ChapterResult, fromCache: Bool) -> String {
        let word = fromCache ? "cached" : chapter.status == .passed ? "done" : "failed"
        var details: [String] = []
        if fromCache {
            details.append("unchanged")
        } else {
            details.append(counted(chapter.blocksRun, "block") + " run")
            if chapter.blocksReused > 0 { details.append("\(chapter.blocksReused) from the cache") }
        }
        let counts = chapter.counts
        if counts.failed + counts.xpass > 0 {
            details.append(counted(counts.failed + counts.xpass, "check") + " failed")
        }
        if counts.errors > 0 { details.append(counted(counts.errors, "error")) }
        return word.padding(toLength: 7, withPad: " ", startingAt: 0)
            + " \(chapter.file) in \(String(format: "%.2f", chapter.seconds)) s: " + details.joined(separator: ", ")
    }

    private static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    func summary(_ book: BookResult) {
        lock.lock()
        ticker?.cancel()
        ticker = nil
        running = []
        let fromCache = cached
        lock.unlock()
        // errata: the article's errors confirmed; one not confirmed shows among failed or errors.
        var rows = [["chapter", "status", "passed", "failed", "xfail", "errata", "errors", "seconds"]]
        func counted(_ counts: ChapterCounts) -> [String] {
            [
                "\(counts.passed)", "\(counts.failed + counts.xpass)", "\(counts.xfail)",
                "\(counts.errata)", "\(counts.errors)",
            ]
        }
        for c in book.chapters {
            rows.append([c.file, c.status.rawValue] + counted(c.counts) + [String(format: "%.2f", c.seconds)])
        }
        let seconds = book.chapters.reduce(0) { $0 + $1.seconds }
        rows.append(["total", ""] + counted(book.summary.counts) + [String(format: "%.2f", seconds)])
        // Display widths: a chapter named in Chinese takes two columns a character.
        let widths = rows[0].indices.map { i in rows.map { displayWidth($0[i]) }.max() ?? 0 }
        var text = "\n"
        for (n, row) in rows.enumerated() {
            text +=
                row.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                    return i == 0 || i == 1 ? cell + pad : pad + cell
                }.joined(separator: "  ") + "\n"
            if n == 0 || n == rows.count - 2 {
                text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        let failed = book.chapters.filter { $0.status != .passed }.count
        let total = book.chapters.count
        text +=
            "\(Self.counted(total, "chapter")): \(total - fromCache) run, \(fromCache) from the cache, \(failed) failed\n"
        permanent(text)
    }

    // MARK: - Writing

    /// Text that stays: on a terminal written above the live status, which is drawn again below it.
    private func permanent(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        guard isTerminal, drawnLines > 0 || !running.isEmpty else { return output(text) }
        output(erasure() + text)
        drawnLines = 0
        redraw(force: true)
    }

    /// Rewrites the live status in place (the lock held).
    private func redraw(force: Bool) {
        let now = Self.now()
        guard force || now &- lastDrawn >= Self.redrawInterval else { return }
        lastDrawn = now
        let width = Self.terminalWidth() - 1  // the last column would wrap on some terminals
        let lines = running.map { $0.liveLine(now: now, width: width) }
        output(erasure() + lines.joined(separator: "\n"))
        drawnLines = lines.count
    }

    /// From the end of the live status to its first column, erasing it all.
    private func erasure() -> String {
        guard drawnLines > 0 else { return "" }
        return "\r" + (drawnLines > 1 ? "\u{1B}[\(drawnLines - 1)A" : "") + "\u{1B}[J"
    }

    /// Once a second: elapsed seconds move on the terminal while a long
    /// statement runs; off it, a statement running long is said every few seconds.
    private func startTicker() {
        guard ticker == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock(); defer { self.lock.unlock() }
            if self.isTerminal {
                if !self.running.isEmpty { self.redraw(force: true) }
                return
            }
            let now = Self.now()
            for i in self.running.indices
            where self.running[i].epoch == nil
                && now &- self.running[i].statementStarted >= Self.plainInterval
                && now &- self.running[i].lastPlainLine >= Self.plainInterval
            {
                if let line = self.running[i].runningLine(now: now) {
                    self.running[i].lastPlainLine = now
                    self.output(line + "\n")
                }
            }
        }
        ticker = timer
        timer.resume()
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 else { return 80 }
        return Int(size.ws_col)
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
