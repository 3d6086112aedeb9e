import Foundation

/// Encodes a `Codable` value in the cache's binary form (`RecordFormat.swift`):
/// many times faster to write and read than JSON, Doubles exact as their bits
/// (NaN and −0 included), and arrays of Doubles past `TensorStore.inlineLimit`
/// kept as blobs through `blobs`, once however many records hold them.
///
/// Keys of a keyed container are written in the order of their names, so that
/// a dictionary gives the same bytes in every process (cache keys are hashes
/// of encoded values).
struct RecordEncoder {
    /// Where large arrays of Doubles go; without it they are written inline.
    var blobs: TensorStore?

    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = try EncodedValue.of(value, blobs: blobs)
        var writer = RecordWriter()
        writer.write(root)
        guard !writer.tooLarge else { throw CacheDamage("a container of more than 4 GiB") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(writer.bytes.count + 16 * writer.keys.count + 8)
        bytes.appendVarint(writer.keys.count)
        for key in writer.keys { bytes.appendText(key) }
        bytes.append(contentsOf: writer.bytes)
        return bytes
    }
}

/// A value as the encoder collects it. Containers are objects, so that one
/// can be filled after it was put in its parent, as `Encoder` allows.
enum EncodedValue {
    case null
    case bool(Bool)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case doubles([Double])
    case words([UInt64])
    case blob(name: String, count: Int)
    case keyed(KeyedNode)
    case unkeyed(UnkeyedNode)
    /// What an encoder handed out by `superEncoder` holds, read when written.
    case encoder(ValueEncoder)

    static func of<T: Encodable>(_ value: T, blobs: TensorStore?) throws -> EncodedValue {
        if T.self == [Double].self {
            let entries = value as! [Double]
            if let blobs, entries.count > TensorStore.inlineLimit {
                return .blob(name: try blobs.store(entries: entries), count: entries.count)
            }
            return .doubles(entries)
        }
        if T.self == [UInt64].self { return .words(value as! [UInt64]) }
        if T.self == String.self { return .string(value as! String) }
        let encoder = ValueEncoder(blobs: blobs)
        try value.encode(to: encoder)
        // A value that encoded nothing reads back as an empty container, as in JSON.
        return encoder.value ?? .keyed(KeyedNode())
    }
}

final class KeyedNode {
    var entries: [(key: String, value: EncodedValue)] = []
}

final class UnkeyedNode {
    var values: [EncodedValue] = []
}

/// Writes collected values out, numbering keys as they first appear.
private struct RecordWriter {
    var bytes: [UInt8] = []
    var keys: [String] = []
    /// A container's size did not fit its four bytes.
    var tooLarge = false
    private var numbers: [String: Int] = [:]

    mutating func write(_ value: EncodedValue) {
        switch value {
        case .null: bytes.append(RecordTag.null.rawValue)
        case let .bool(flag): bytes.append((flag ? RecordTag.trueValue : .falseValue).rawValue)
        case let .signed(number):
            bytes.append(RecordTag.signed.rawValue)
            bytes.appendSigned(number)
        case let .unsigned(number):
            bytes.append(RecordTag.unsigned.rawValue)
            bytes.appendVarint(number)
        case let .double(number):
            bytes.append(RecordTag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case let .string(text):
            bytes.append(RecordTag.string.rawValue)
            bytes.appendText(text)
        case let .doubles(entries):
            bytes.append(RecordTag.doubles.rawValue)
            bytes.appendEntries(entries)
        case let .words(entries):
            bytes.append(RecordTag.words.rawValue)
            bytes.appendEntries(entries)
        case let .blob(name, count):
            bytes.append(RecordTag.blob.rawValue)
            bytes.appendVarint(count)
            bytes.appendText(name)
        case let .keyed(node):
            let start = beginContainer(.keyed, count: node.entries.count)
            let sorted = node.entries.count < 2 ? node.entries : node.entries.sorted { $0.key < $1.key }
            for entry in sorted {
                bytes.appendVarint(number(of: entry.key))
                write(entry.value)
            }
            endContainer(start)
        case let .unkeyed(node):
            let start = beginContainer(.unkeyed, count: node.values.count)
            for element in node.values { write(element) }
            endContainer(start)
        case let .encoder(encoder):
            write(encoder.value ?? .keyed(KeyedNode()))
        }
    }

    /// The tag, room for the size, and the count; returns where the size goes.
    private mutating func beginContainer(_ tag: RecordTag, count: Int) -> Int {
        bytes.append(tag.rawValue)
        let sizeAt = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        bytes.appendVarint(count)
        return sizeAt
    }

    /// The size counts the bytes after it.
    private mutating func endContainer(_ sizeAt: Int) {
        let size = bytes.count - sizeAt - 4
        if size > Int(UInt32.max) { tooLarge = true }
        bytes.setUInt32(UInt32(truncatingIfNeeded: size), at: sizeAt)
    }

    private mutating func number(of key: String) -> Int {
        if let known = numbers[key] { return known }
        numbers[key] = keys.count
        keys.append(key)
        return keys.count - 1
    }
}

/// The `Encoder` handed to one value's `encode(to:)`.
final class ValueEncoder: Encoder {
    let blobs: TensorStore?
    var value: EncodedValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(blobs: TensorStore?) { self.blobs = blobs }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case let .keyed(node) = value {
            return KeyedEncodingContainer(KeyedRecordContainer(node: node, blobs: blobs))
        }
        let node = KeyedNode()
        value = .keyed(node)
        return KeyedEncodingContainer(KeyedRecordContainer(node: node, blobs: blobs))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case let .unkeyed(node) = value { return UnkeyedRecordContainer(node: node, blobs: blobs) }
        let node = UnkeyedNode()
        value = .unkeyed(node)
        return UnkeyedRecordContainer(node: node, blobs: blobs)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleRecordContainer(encoder: self) }
}

private struct KeyedRecordContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: KeyedNode
    let blobs: TensorStore?
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: EncodedValue, _ key: Key) { node.entries.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.signed(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.unsigned(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(try .of(value, blobs: blobs), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedNode()
        put(.keyed(nested), key)
        return KeyedEncodingContainer(KeyedRecordContainer<NestedKey>(node: nested, blobs: blobs))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = UnkeyedNode()
        put(.unkeyed(nested), key)
        return UnkeyedRecordContainer(node: nested, blobs: blobs)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(blobs: blobs)
        node.entries.append(("super", .encoder(encoder)))
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = ValueEncoder(blobs: blobs)
        put(.encoder(encoder), key)
        return encoder
    }
}

private struct UnkeyedRecordContainer: UnkeyedEncodingContainer {
    let node: UnkeyedNode
    let blobs: TensorStore?
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.values.count }

    private func put(_ value: EncodedValue) { node.values.append(value) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int8) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int16) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int32) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int64) throws { put(.signed(value)) }
    mutating func encode(_ value: UInt) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { put(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try .of(value, blobs: blobs)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = KeyedNode()
        put(.keyed(nested))
        return KeyedEncodingContainer(KeyedRecordContainer<NestedKey>(node: nested, blobs: blobs))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = UnkeyedNode()
        put(.unkeyed(nested))
        return UnkeyedRecordContainer(node: nested, blobs: blobs)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(blobs: blobs)
        put(.encoder(encoder))
        return encoder
    }
}

private struct SingleRecordContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: EncodedValue) { encoder.value = value }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int8) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int16) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int32) throws { put(.signed(Int64(value))) }
    mutating func encode(_ value: Int64) throws { put(.signed(value)) }
    mutating func encode(_ value: UInt) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { put(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try .of(value, blobs: encoder.blobs)) }
}
