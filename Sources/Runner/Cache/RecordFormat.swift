/// The binary form of the cache's records (`RecordEncoder`, `RecordDecoder`).
///
/// A record is a table of the keys it uses, each once, then one value. A value
/// is a tag byte and what the tag says follows:
///
/// - nothing (nil, false, true);
/// - an integer as a variable-length number (signed ones zigzag-coded);
/// - a Double as its 64 bits;
/// - a string as its length and UTF-8 bytes;
/// - an array of Doubles or of 64-bit words as its count and the raw bits
///   of its entries, or, past `TensorStore.inlineLimit` Doubles, the count and
///   the name of a blob beside the cache files that holds them;
/// - a keyed or unkeyed container as its size in bytes (four bytes, so that a
///   reader can step over it), its count, and its entries (a key's number in
///   the table before each value of a keyed one).
///
/// Bits are written in the machine's order, little-endian on every platform
/// tutor builds for, as blobs are. A reader checks every length against the
/// bytes it has: a record that does not read is damage, never a crash.
enum RecordTag: UInt8 {
    case null = 0, falseValue, trueValue
    case signed, unsigned, double, string
    case doubles, words, blob
    case keyed, unkeyed
}

extension Array where Element == UInt8 {
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    mutating func appendVarint(_ value: Int) { appendVarint(UInt64(value)) }

    /// Zigzag: small negative numbers stay short.
    mutating func appendSigned(_ value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            appendVarint(bytes.count)
            append(contentsOf: bytes)
        }
    }

    /// The count, then the entries' bits (Doubles or 64-bit words).
    mutating func appendEntries<T: BitwiseCopyable>(_ entries: [T]) {
        appendVarint(entries.count)
        entries.withUnsafeBytes { append(contentsOf: $0) }
    }

    /// Four bytes, little-endian, at `offset` (a container's size, known once written).
    mutating func setUInt32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { self[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }
}
