import Foundation
import TutorTestSupport
import XCTest

/// Runs the built `tutor` binary, as a user would.
struct TutorProcess {
    var status: Int32
    var standardError: String

    /// The folder of the fixture books.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `tutor` sits beside the test runner in the build folder.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("tutor")
    }

    /// Runs tutor with `arguments`; a run longer than `timeout` seconds is
    /// killed and reported as a hang (status -1).
    static func run(
        _ arguments: [String], in directory: URL? = nil, timeout: Double = 120,
        executable: URL? = nil
    ) throws -> TutorProcess {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let hung = process.terminationReason == .uncaughtSignal
        return TutorProcess(
            status: hung ? -1 : process.terminationStatus,
            standardError: String(decoding: data, as: UTF8.self))
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.create("e2e")
    }
}
