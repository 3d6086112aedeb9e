/// SplitMix64 (Steele, Lea and Flood 2014): a small, fixed generator, the same
/// on every machine: the gradient check's random directions, and the seeding
/// step of `RandomGenerator`, which fills its state with four of its outputs.
///
///     x += 0x9E3779B97F4A7C15
///     z = (x ^ (x >> 30)) · 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) · 0x94D049BB133111EB
///     output z ^ (z >> 31)
///
/// All arithmetic is modulo 2⁶⁴.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in [−1, 1).
    mutating func nextSigned() -> Double { Double(next() >> 11) * 0x1p-52 - 1 }
}
