import Autodiff
import Foundation

/// A seeded pseudo-random generator: the same seed gives the same numbers on every
/// machine and every Swift version.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded and the standard library
/// does not promise how `Double.random(in:using:)` or `shuffled(using:)` consume a
/// generator, so every derived distribution is written out here.
///
/// The engine is **xoshiro256\*\*** (Blackman & Vigna, <https://prng.di.unimi.it>),
/// with 256 bits of state s₀…s₃:
///
///     result = rotl(s₁ · 5, 7) · 9
///     t = s₁ << 17
///     s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃;  s₂ ^= t;  s₃ = rotl(s₃, 45)
///
/// The state is filled from the 64-bit seed by four steps of **SplitMix64**
/// (`SplitMix64`), as the xoshiro authors recommend.
///
/// All arithmetic is modulo 2⁶⁴. Integers and uniforms are bit-exact everywhere;
/// normals go through `log`, `sin` and `cos`, so they are as reproducible as the
/// platform's math library (identical on one platform, within an ulp across them).
public struct RandomGenerator: RandomNumberGenerator, Sendable, Codable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second value of the last Box–Muller pair, returned by the next `nextNormal()`.
    private var cachedNormal: Double?

    /// A generator whose state is four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var seeds = SplitMix64(seed: seed)
        state = (seeds.next(), seeds.next(), seeds.next(), seeds.next())
    }

    /// The next 64 random bits (one xoshiro256** step).
    public mutating func nextUInt64() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// `RandomNumberGenerator` conformance: the same stream as `nextUInt64()`.
    public mutating func next() -> UInt64 { nextUInt64() }

    /// A uniform number in [0, 1): the top 53 bits of `nextUInt64()` times 2⁻⁵³,
    /// so every result is a multiple of 2⁻⁵³ and exactly representable.
    public mutating func nextUniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// A standard normal number, by the Box–Muller transform.
    ///
    /// From two uniforms u₁, u₂ in [0, 1): r = √(−2 ln(1 − u₁)), θ = 2π u₂, and
    /// z₀ = r cos θ, z₁ = r sin θ are independent N(0, 1). `1 − u₁` lies in (0, 1],
    /// so the logarithm is finite. z₁ is kept for the following call.
    public mutating func nextNormal() -> Double {
        if let z = cachedNormal {
            cachedNormal = nil
            return z
        }
        let u1 = nextUniform()
        let u2 = nextUniform()
        let r = (-2 * Foundation.log(1 - u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        cachedNormal = r * Foundation.sin(theta)
        return r * Foundation.cos(theta)
    }

    /// A uniform integer in 0..<upperBound, without modulo bias.
    ///
    /// 2⁶⁴ mod n of the 2⁶⁴ possible draws would favour the small residues, so draws
    /// below t = 2⁶⁴ mod n are rejected and drawn again; the remaining 2⁶⁴ − t draws
    /// are a multiple of n.
    public mutating func uniformInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "uniformInt(below:) needs a positive bound, got \(upperBound)")
        let n = UInt64(upperBound)
        let threshold = (0 &- n) % n
        while true {
            let r = nextUInt64()
            if r >= threshold { return Int(r % n) }
        }
    }

    /// The elements in random order, by the Fisher–Yates shuffle: for i from
    /// n − 1 down to 1, swap element i with element `uniformInt(below: i + 1)`.
    public mutating func shuffled<C: Collection>(_ elements: C) -> [C.Element] {
        var result = Array(elements)
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, uniformInt(below: i + 1))
        }
        return result
    }

    /// A random permutation of 0..<count, the order of one epoch's mini-batches.
    public mutating func permutation(_ count: Int) -> [Int] {
        shuffled(0..<count)
    }

    /// A rows × cols matrix of numbers uniform in [low, high), filled row by row.
    public mutating func uniform(
        _ rows: Int, _ cols: Int,
        low: Double = 0, high: Double = 1
    ) throws -> Tensor {
        guard low.isFinite, high.isFinite, low <= high else {
            throw TensorError.invalidArgument(
                operation: "uniform",
                message: "needs finite low ≤ high, got low \(low), high \(high)")
        }
        let shape = try Tensor.checkedShape(rows, cols)
        let scalars = (0..<shape.count).map { _ in low + (high - low) * nextUniform() }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// A rows × cols matrix of numbers from N(mean, std²), filled row by row.
    public mutating func normal(
        _ rows: Int, _ cols: Int,
        mean: Double = 0, std: Double = 1
    ) throws -> Tensor {
        guard mean.isFinite, std.isFinite, std >= 0 else {
            throw TensorError.invalidArgument(
                operation: "normal",
                message: "needs a finite mean and std ≥ 0, got mean \(mean), std \(std)")
        }
        let shape = try Tensor.checkedShape(rows, cols)
        let scalars = (0..<shape.count).map { _ in mean + std * nextNormal() }
        return Tensor(shape: shape, scalars: scalars)
    }
}

private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}

extension RandomGenerator {
    private enum CodingKeys: String, CodingKey { case state, cachedNormal }

    /// The whole state, so that a stored generator goes on with the very same stream.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container,
                debugDescription: "a generator's state is 4 words")
        }
        state = (words[0], words[1], words[2], words[3])
        cachedNormal = try container.decodeIfPresent(UInt64.self, forKey: .cachedNormal).map(Double.init(bitPattern:))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([state.0, state.1, state.2, state.3], forKey: .state)
        // As bits: a text form of a Double need not give back its last bit on every platform.
        try container.encodeIfPresent(cachedNormal?.bitPattern, forKey: .cachedNormal)
    }
}
