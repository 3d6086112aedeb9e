/// FNV-1a (Fowler, Noll and Vo), 64 bits: a fixed, fast fingerprint, the same
/// on every machine (not a secure hash). Bytes go in as the definition takes
/// them; a 64-bit word goes in in one step, as if it were one wide byte, which
/// is faster and what fingerprints of many numbers use.
public struct FNV1a: Sendable {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    @usableFromInline var state: UInt64

    /// Starts from the offset basis, or from another value for a second,
    /// independent lane.
    public init(offsetBasis: UInt64 = FNV1a.offsetBasis) { state = offsetBasis }

    public var value: UInt64 { state }

    // Inlinable: the cache fingerprints millions of entries a chapter.
    @inlinable
    public mutating func combine(byte: UInt8) { combine(UInt64(byte)) }

    @inlinable
    public mutating func combine(_ word: UInt64) { state = (state ^ word) &* Self.prime }

    /// Folds the high bits down (`value ^= value >> shift`): FNV's product
    /// carries low bits up only, so without it a word's high bits would never
    /// reach the fingerprint's low bits.
    @inlinable
    public mutating func foldHighBits(by shift: UInt64) { state ^= state >> shift }
}
