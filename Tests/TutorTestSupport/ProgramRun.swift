import Foundation

/// A program run to its end — `xmllint`, `gzip`, Chromium — with its exit status
/// and its output (both streams, as one).
public struct ProgramRun {
    public let status: Int32
    public let output: Data
    private let command: String

    public var text: String { String(decoding: output, as: UTF8.self) }

    public init(_ program: String, _ arguments: [String]) throws {
        command = ([program] + arguments).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
    }

    /// The output of a run that must succeed; a nonzero exit is thrown with what the program said.
    @discardableResult
    public func succeeded() throws -> Data {
        guard status == 0 else { throw Failure(description: "\(command) exited with \(status): \(text)") }
        return output
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }
}
