import Foundation
import Glibc

/// Ends the preview on Ctrl-C (SIGINT) or SIGTERM, but never while the pages
/// are being written, so that the output folder is left whole: the writing
/// going on is finished first, and none begins after.
///
/// The signal handler only writes a byte to a pipe (all a handler may safely
/// do); a thread waiting on the pipe does the rest. A handler, unlike an
/// ignored signal, is not inherited by the worker processes started later.
final class PreviewStop: @unchecked Sendable {
    private let writing = NSLock()

    /// Installs the handlers; `farewell` is printed as the process ends.
    func install(farewell: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        interruptPipe = ends[1]
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(interruptPipe, &byte, 1)
            }
        }
        Thread { [writing, reader = ends[0]] in
            var byte: UInt8 = 0
            while read(reader, &byte, 1) < 0 && errno == EINTR {}
            writing.lock()  // held until the process ends: no writing starts again
            // The chapters' workers run in process groups of their own, out of Ctrl-C's reach.
            for child in PreviewStop.children() { kill(child, SIGTERM) }
            farewell()
            exit(0)
        }.start()
    }

    /// The processes this one started that are still running (the chapters' workers).
    static func children() -> [pid_t] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.range(of: ")", options: .backwards)
            else { return nil }
            // After "pid (name)": the state, then the parent's id.
            let fields = stat[close.upperBound...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == me ? pid : nil
        }
    }

    /// Runs `body` unless the preview is stopping, in which case this waits for the end.
    func unlessStopping(_ body: () -> Void) {
        writing.lock(); defer { writing.unlock() }
        body()
    }
}

/// Where the signal handler writes; set once, before the handlers are installed.
nonisolated(unsafe) private var interruptPipe: Int32 = -1
