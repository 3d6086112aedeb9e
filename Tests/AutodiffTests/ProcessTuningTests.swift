@testable import Autodiff
import CBLAS
import Foundation
import XCTest

/// The process-wide settings: OpenBLAS's workers are stopped and start again
/// with the new timeout, and products stay right.
final class ProcessTuningTests: XCTestCase {
    var random = TestRandom(seed: 11)

    /// Every entry of a·b summed in a plain loop.
    func plainProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
        var out = [Double](repeating: 0, count: a.rows * b.cols)
        for i in 0..<a.rows {
            for j in 0..<b.cols {
                var sum = 0.0
                for k in 0..<a.cols { sum += a.scalars[i * a.cols + k] * b.scalars[k * b.cols + j] }
                out[i * b.cols + j] = sum
            }
        }
        return Tensor(shape: .matrix(a.rows, b.cols), scalars: out)
    }

    func testProductsAreRightBeforeAndAfterTuning() throws {
        // Large enough for OpenBLAS to share the work with its worker threads.
        let a = random.tensor(.matrix(400, 300)), b = random.tensor(.matrix(300, 350))
        let expected = plainProduct(a, b)
        assertClose(try Tensor.matmul(a, b), expected, absolute: 1e-12, relative: 1e-12, "before")
        tuneProcessForTraining()
        assertClose(try Tensor.matmul(a, b), expected, absolute: 1e-12, relative: 1e-12, "after")
        // Twice is harmless: the workers have already been restarted once.
        tuneProcessForTraining()
        assertClose(try Tensor.matmul(a, b), expected, absolute: 1e-12, relative: 1e-12, "after a second call")
    }

    /// The workers' timeout as OpenBLAS itself read it: that it sleeps
    /// after 2^4 cycles instead of polling for 2^28 is then OpenBLAS's own
    /// behaviour. (What it saves is measured by the benchmarks, not here:
    /// CPU time after a pause depends on the machine.)
    func testOpenBLASReadsTheShortTimeout() throws {
        let name = "OPENBLAS_THREAD_TIMEOUT"
        let saved = getenv(name).map { String(cString: $0) }
        defer {
            if let saved { setenv(name, saved, 1) } else { unsetenv(name) }
            letIdleBLASWorkersSleep()
        }
        unsetenv(name)
        openblas_read_env()
        XCTAssertEqual(openblas_thread_timeout(), 0, "no timeout set: OpenBLAS's default")
        tuneProcessForTraining()
        XCTAssertEqual(openblas_thread_timeout(), 4)
        let a = random.tensor(.matrix(600, 600))
        assertClose(
            try Tensor.matmul(a, a), plainProduct(a, a), absolute: 1e-10, relative: 1e-12,
            "workers restarted with the new timeout")
    }

    func testTheTimeoutIsSetUnlessTheUserSetOne() {
        let name = "OPENBLAS_THREAD_TIMEOUT"
        let saved = getenv(name).map { String(cString: $0) }
        defer {
            if let saved { setenv(name, saved, 1) } else { unsetenv(name) }
            letIdleBLASWorkersSleep()
        }
        unsetenv(name)
        letIdleBLASWorkersSleep()
        XCTAssertEqual(getenv(name).map { String(cString: $0) }, "4")
        setenv(name, "9", 1)
        letIdleBLASWorkersSleep()
        XCTAssertEqual(getenv(name).map { String(cString: $0) }, "9")
    }
}
