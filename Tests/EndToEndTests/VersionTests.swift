import Foundation
import XCTest

/// `tutor --version`: what a user pastes into a bug report.
final class VersionTests: XCTestCase {
    /// Runs `tutor --version` with extra environment variables; returns status and standard output.
    func version(environment extra: [String: String] = [:]) throws -> (Int32, [String]) {
        let process = Process()
        process.executableURL = TutorProcess.binary
        process.arguments = ["--version"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        )
    }

    func field(_ name: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(name + ":") }.map {
            String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces)
        }
    }

    func testVersionNamesTutorTheBLASTheKernelAndTheThreads() throws {
        let (status, lines) = try version(environment: ["OPENBLAS_NUM_THREADS": "1"])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(lines.first?.hasPrefix("tutor ") == true, "\(lines)")
        XCTAssertTrue(field("BLAS", in: lines)?.hasPrefix("OpenBLAS ") == true, "\(lines)")
        let kernel = try XCTUnwrap(field("kernel", in: lines), "\(lines)")
        XCTAssertFalse(kernel.contains("OPENBLAS_CORETYPE"), kernel)
        XCTAssertEqual(field("threads", in: lines), "1")
        XCTAssertNotNil(field("CPU", in: lines))
        XCTAssertNotNil(field("products", in: lines), "\(lines)")
    }

    /// Prescott runs on every x86-64 processor, so the test needs no particular CPU.
    func testAKernelTheUserSetIsKeptAndSaidToBeTheirs() throws {
        #if arch(x86_64)
            let (status, lines) = try version(environment: ["OPENBLAS_CORETYPE": "Prescott"])
            XCTAssertEqual(status, 0)
            XCTAssertEqual(field("kernel", in: lines), "Prescott, set by OPENBLAS_CORETYPE=Prescott")
            XCTAssertEqual(
                field("products", in: lines),
                "OpenBLAS for all (tutor's kernels need AVX2 with FMA, and an OpenBLAS kernel for them)",
                "Prescott is older than AVX2: tutor's kernels stand aside")
        #else
            throw XCTSkip("OpenBLAS's x86-64 kernel names")
        #endif
    }
}
