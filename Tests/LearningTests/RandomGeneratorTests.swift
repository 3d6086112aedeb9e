import Autodiff
import Learning
import XCTest

final class RandomGeneratorTests: XCTestCase {
    // Expected values come from an independent Python transcription of the reference
    // C code (prng.di.unimi.it: splitmix64.c seeding, xoshiro256starstar.c), run once:
    // uniforms as (x >> 11) * 2**-53, normals by the same Box–Muller formula, and
    // permutations by the same Fisher–Yates with rejection below 2**64 mod n.
    // SplitMix64 from seed 0 begins 0xE220A8397B1DCDAF, its published first output.

    func testFirstOutputsForSeed0() {
        var generator = RandomGenerator(seed: 0)
        let expected: [UInt64] = [
            0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
            0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59,
        ]
        XCTAssertEqual((0..<5).map { _ in generator.nextUInt64() }, expected)
    }

    func testFirstOutputsForSeed42() {
        var generator = RandomGenerator(seed: 42)
        let expected: [UInt64] = [
            0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1,
            0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64,
        ]
        XCTAssertEqual((0..<5).map { _ in generator.nextUInt64() }, expected)
    }

    func testFirstUniforms() {
        var zero = RandomGenerator(seed: 0)
        XCTAssertEqual(
            (0..<3).map { _ in zero.nextUniform() },
            [0.6012629994179048, 0.7477740925472398, 0.10301998939503632])
        var fortyTwo = RandomGenerator(seed: 42)
        XCTAssertEqual(
            (0..<3).map { _ in fortyTwo.nextUniform() },
            [0.08386297105988216, 0.3789802506626686, 0.6800434110281394])
    }

    func testFirstNormals() {
        // log, sin and cos come from the platform's math library: allow a few ulps.
        let expected: [UInt64: [Double]] = [
            0: [-0.01896499060631051, -1.3559302271143727, -0.40372109705088766, 0.23335097938940202],
            42: [-0.303263064678738, 0.28846173882942383, 1.3438117634372806, -0.6879751798977497],
        ]
        for (seed, values) in expected {
            var generator = RandomGenerator(seed: seed)
            for value in values {
                XCTAssertEqual(generator.nextNormal(), value, accuracy: 1e-14, "seed \(seed)")
            }
        }
    }

    func testFirstPermutations() {
        var zero = RandomGenerator(seed: 0)
        XCTAssertEqual(zero.permutation(10), [4, 2, 1, 7, 5, 6, 3, 9, 8, 0])
        var fortyTwo = RandomGenerator(seed: 42)
        XCTAssertEqual(fortyTwo.permutation(10), [7, 3, 8, 9, 5, 6, 4, 1, 0, 2])
    }

    func testNormalsHaveMeanZeroAndStandardDeviationOne() {
        var generator = RandomGenerator(seed: 7)
        let n = 100_000
        let values = (0..<n).map { _ in generator.nextNormal() }
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        // The standard error of the mean is 1/√n ≈ 0.0032 and of the std ≈ 0.0022.
        XCTAssertEqual(mean, 0, accuracy: 0.015)
        XCTAssertEqual(variance.squareRoot(), 1, accuracy: 0.01)
    }

    func testNormalMatrixHasRequestedMeanAndStd() throws {
        var generator = RandomGenerator(seed: 3)
        let values = try generator.normal(200, 500, mean: 3, std: 2)
        XCTAssertEqual(values.shape, .matrix(200, 500))
        let mean = values.scalars.reduce(0, +) / Double(values.count)
        let variance = values.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        XCTAssertEqual(mean, 3, accuracy: 0.03)
        XCTAssertEqual(variance.squareRoot(), 2, accuracy: 0.02)
    }

    func testUniformsStayInRange() throws {
        var generator = RandomGenerator(seed: 11)
        let unit = (0..<100_000).map { _ in generator.nextUniform() }
        XCTAssertTrue(unit.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(unit.reduce(0, +) / Double(unit.count), 0.5, accuracy: 0.005)

        let matrix = try generator.uniform(30, 40, low: -2, high: 5)
        XCTAssertEqual(matrix.shape, .matrix(30, 40))
        XCTAssertTrue(matrix.scalars.allSatisfy { $0 >= -2 && $0 < 5 })
        XCTAssertLessThan(matrix.scalars.min()!, -1.5)
        XCTAssertGreaterThan(matrix.scalars.max()!, 4.5)
    }

    func testUniformIntegersCoverTheRangeEvenly() {
        var generator = RandomGenerator(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[generator.uniformInt(below: 3)] += 1 }
        for count in counts { XCTAssertEqual(Double(count), 10_000, accuracy: 400) }
        XCTAssertEqual(generator.uniformInt(below: 1), 0)
        XCTAssertTrue((0..<1000).allSatisfy { _ in (0..<Int.max).contains(generator.uniformInt(below: .max)) })
    }

    func testPermutationsAreValid() {
        var generator = RandomGenerator(seed: 9)
        for n in [0, 1, 2, 7, 100, 1000] {
            XCTAssertEqual(generator.permutation(n).sorted(), Array(0..<n))
        }
        XCTAssertEqual(generator.shuffled(["a", "b", "c", "d"]).sorted(), ["a", "b", "c", "d"])
    }

    func testSameSeedSameNumbersAndCopiesContinueAlike() {
        var a = RandomGenerator(seed: 123)
        var b = RandomGenerator(seed: 123)
        XCTAssertEqual((0..<100).map { _ in a.nextUInt64() }, (0..<100).map { _ in b.nextUInt64() })

        _ = a.nextNormal()  // leaves the second value of the pair cached
        var copy = a
        XCTAssertEqual(copy.nextNormal(), a.nextNormal())
        XCTAssertEqual(copy.permutation(50), a.permutation(50))

        var other = RandomGenerator(seed: 124)
        var fresh = RandomGenerator(seed: 123)
        XCTAssertNotEqual(other.nextUInt64(), fresh.nextUInt64())
    }

    func testStandardLibraryDrawsFromTheSameStream() {
        var generator = RandomGenerator(seed: 42)
        var reference = RandomGenerator(seed: 42)
        XCTAssertEqual((0..<10).map { _ in generator.next() }, (0..<10).map { _ in reference.nextUInt64() })
        XCTAssertTrue((0..<10).contains(Int.random(in: 0..<10, using: &generator)))
    }

    func testAbsurdSizesAndParametersAreRefused() {
        var generator = RandomGenerator(seed: 0)
        XCTAssertThrowsError(try generator.normal(1_000_000, 1_000_000)) { error in
            guard case TensorError.tooLarge = error else { return XCTFail("got \(error)") }
        }
        XCTAssertThrowsError(try generator.uniform(-1, 3))
        XCTAssertThrowsError(try generator.normal(2, 2, std: -1))
        XCTAssertThrowsError(try generator.uniform(2, 2, low: 1, high: 0))
        XCTAssertThrowsError(try generator.uniform(2, 2, low: 0, high: .infinity))
    }
}
