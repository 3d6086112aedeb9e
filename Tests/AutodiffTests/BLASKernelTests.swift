@testable import Autodiff
import Foundation
import XCTest

/// The features → kernel decision, case by case, and the switch it makes.
final class BLASKernelTests: XCTestCase {
    let none = CPUFeatures()
    let sandyBridge = CPUFeatures(avx: true, osSavesYMM: true)
    let haswell = CPUFeatures(avx: true, fma: true, avx2: true, osSavesYMM: true)
    let skylakeX = CPUFeatures(avx: true, fma: true, avx2: true, avx512: true, osSavesYMM: true, osSavesZMM: true)

    func testTheWidestUsableInstructionsPickTheKernel() {
        XCTAssertEqual(BLASKernel.kernel(for: skylakeX), "SkylakeX")
        XCTAssertEqual(BLASKernel.kernel(for: haswell), "Haswell")
        XCTAssertEqual(BLASKernel.kernel(for: sandyBridge), "Sandybridge")
        XCTAssertNil(BLASKernel.kernel(for: none), "SSE only: OpenBLAS's own pick is kept")
    }

    func testTheVendorPlaysNoPart() {
        for vendor in ["GenuineIntel", "AuthenticAMD", "HygonGenuine", ""] {
            var features = skylakeX
            features.vendor = vendor
            XCTAssertEqual(BLASKernel.kernel(for: features), "SkylakeX", vendor)
        }
    }

    func testInstructionsTheOSDoesNotSaveAreNotUsed() {
        var noZMM = skylakeX
        noZMM.osSavesZMM = false
        XCTAssertEqual(BLASKernel.kernel(for: noZMM), "Haswell", "AVX-512 without its OS state")
        var noYMM = skylakeX
        noYMM.osSavesYMM = false
        noYMM.osSavesZMM = false
        XCTAssertNil(BLASKernel.kernel(for: noYMM), "AVX without its OS state")
    }

    func testAVX2NeedsFMAForTheHaswellKernel() {
        var noFMA = haswell
        noFMA.fma = false
        XCTAssertEqual(BLASKernel.kernel(for: noFMA), "Sandybridge")
        var onlyFMA = sandyBridge
        onlyFMA.fma = true
        XCTAssertEqual(BLASKernel.kernel(for: onlyFMA), "Sandybridge")
    }

    func testPartialAVX512IsNotEnough() {
        // `avx512` stands for all five subsets; CPUFeatures.current sets it only then.
        var partial = haswell
        partial.osSavesZMM = true
        XCTAssertEqual(BLASKernel.kernel(for: partial), "Haswell")
    }

    func testAKernelTheUserSetAlwaysWins() {
        XCTAssertEqual(BLASKernel.choice(features: skylakeX, userCoreType: "Prescott"), .user("Prescott"))
        XCTAssertEqual(BLASKernel.choice(features: none, userCoreType: "Haswell"), .user("Haswell"))
        XCTAssertEqual(BLASKernel.choice(features: skylakeX, userCoreType: nil), .features("SkylakeX"))
        XCTAssertEqual(
            BLASKernel.choice(features: skylakeX, userCoreType: ""), .features("SkylakeX"),
            "an empty variable is not a choice")
        XCTAssertEqual(BLASKernel.choice(features: none, userCoreType: nil), .library)
    }

    /// On this machine, whatever it is: the engine multiplies on the kernel
    /// its features select (or the user's), and says so.
    func testTheEngineRunsOnTheChosenKernel() throws {
        let product = try Tensor.matmul(
            Tensor(shape: .matrix(2, 2), scalars: [1, 2, 3, 4]),
            Tensor(shape: .matrix(2, 2), scalars: [5, 6, 7, 8]))
        XCTAssertEqual(product.scalars, [19, 22, 43, 50])
        let blas = BLASLibrary.current
        switch blas.choice {
        case let .user(name):
            XCTAssertEqual(name, ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"])
        case let .features(kernel):
            XCTAssertEqual(kernel, BLASKernel.kernel(for: .current))
            XCTAssertEqual(blas.kernel.lowercased(), kernel.lowercased(), "OpenBLAS switched to the chosen kernel")
            XCTAssertTrue(blas.configuration.contains(blas.kernel), blas.configuration)
        case .library:
            XCTAssertTrue(
                BLASKernel.kernel(for: .current) == nil || !blas.configuration.contains("DYNAMIC_ARCH"),
                "a DYNAMIC_ARCH build can switch: its own pick is kept only when no kernel fits")
        }
        XCTAssertGreaterThanOrEqual(blas.threads, 1)
        XCTAssertTrue(blas.name.hasPrefix("OpenBLAS "), blas.name)
    }
}
