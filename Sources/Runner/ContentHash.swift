import Autodiff
import Foundation

/// A 128-bit fingerprint of bytes (FNV-1a in two 64-bit lanes with different
/// offsets, eight bytes a step, each step folding high bits down), for cache
/// keys: fast, the same on every machine, and with 2^-64 odds of two inputs
/// colliding — a stale page at worst, never a wrong check.
public struct ContentHash: Sendable {
    private var a = FNV1a()
    private var b = FNV1a(offsetBasis: 0x8422_2325_cbf2_9ce4)

    public init() {}

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                mix(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            for byte in raw[offset...] { mix(byte) }
        }
        // The length separates one input from the next.
        let count = UInt64(data.count)
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
    }

    public mutating func add(_ text: String) { add(Data(text.utf8)) }

    /// Adds 64-bit words: a tensor's entries, fast enough for millions of them.
    public mutating func add(words: UnsafeBufferPointer<UInt64>) {
        for word in words { mix(word: word) }
        let count = UInt64(words.count)
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
    }

    /// Each step also folds high bits down, so that every bit of a word
    /// reaches every bit of the fingerprint.
    @inline(__always)
    private mutating func mix(word: UInt64) {
        a.combine(word)
        a.foldHighBits(by: 32)
        b.combine(word << 32 | word >> 32)
        b.foldHighBits(by: 29)
    }

    @inline(__always)
    private mutating func mix(_ byte: UInt8) {
        a.combine(byte: byte)
        b.combine(byte: byte ^ 0x5a)
    }

    /// 32 hexadecimal digits.
    public var hex: String {
        [a.value, b.value].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
