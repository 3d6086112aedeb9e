import Foundation
import XCTest

/// `tutor preview` running in the background, as an author starts it: its
/// terminal output collected, its address read from it.
final class PreviewProcess {
    let process = Process()
    private(set) var port: UInt16 = 0
    private let output = CollectedText()

    /// Starts `tutor preview ARGUMENTS` in `directory` and waits until it says
    /// where it serves.
    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = TutorProcess.binary
        process.arguments = ["preview"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [output] handle in
            output.append(handle.availableData)
        }
        try process.run()
        let found = waitUntil { self.output.text.contains("serving http://127.0.0.1:") || !self.process.isRunning }
        let text = output.text
        guard found, let range = text.range(of: #"serving http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
            let port = UInt16(text[range].dropFirst("serving http://127.0.0.1:".count).dropLast())
        else {
            stop()
            throw RawHTTP.Failure(description: "tutor preview did not say where it serves:\n\(text)")
        }
        self.port = port
    }

    deinit { stop() }

    /// Everything it printed so far.
    var standardError: String { output.text }

    /// Whether it prints `text`, waiting for it: the terminal output is read
    /// on another thread, so it can arrive after the rendering it tells of.
    func printed(_ text: String) -> Bool {
        waitUntil { self.standardError.contains(text) }
    }

    /// The number of the latest rendering, from the server.
    func version() throws -> Int {
        let reply = try RawHTTP.get("/_tutor/version", port: port)
        return Int(reply.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Waits for a rendering after `seen` (bounded, so that a preview that
    /// never renders fails instead of hanging the tests).
    func waitForVersion(after seen: Int) throws -> Int {
        var latest = seen
        let arrived = waitUntil {
            latest = (try? self.version()) ?? latest
            return latest > seen
        }
        XCTAssertTrue(arrived, "no new rendering after \(seen):\n\(standardError)")
        return latest
    }

    /// Sends Ctrl-C's signal and returns the exit status (-1 when it did not stop).
    func interrupt() -> Int32 {
        kill(process.processIdentifier, SIGINT)
        guard waitUntil({ !self.process.isRunning }) else {
            stop()
            return -1
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Checks `condition` every 50 ms for up to two minutes, a bound for hangs
/// only: no test depends on how fast anything is.
@discardableResult
func waitUntil(_ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: 120)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
}

/// Text arriving from another thread.
private final class CollectedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock(); defer { lock.unlock() }
        data.append(chunk)
    }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
