import Foundation

/// Decodes a value written by `RecordEncoder`. Containers are read where
/// they stand: a keyed one is scanned once for where each of its entries
/// starts (stepping over nested containers by their size), and only the
/// entries asked for are read. Every length is checked against the bytes,
/// so damage throws `CacheDamage` and never reads outside them.
struct RecordDecoder {
    /// Where blobs named in the record are read from.
    var blobs: TensorStore?

    func decode<T: Decodable>(_ type: T.Type, from bytes: Data) throws -> T {
        let record = try Record(bytes, blobs: blobs)
        let end = try record.end(of: record.rootOffset)
        guard end == record.count else { throw CacheDamage("bytes after the record's value") }
        return try record.decode(T.self, at: record.rootOffset)
    }
}

/// The bytes of one record and its key table.
final class Record {
    private let buffer: UnsafeMutableRawBufferPointer
    let count: Int
    let blobs: TensorStore?
    private(set) var keys: [String] = []
    private var numbers: [String: Int] = [:]
    private(set) var rootOffset = 0

    init(_ data: Data, blobs: TensorStore?) throws {
        count = data.count
        buffer = .allocate(byteCount: max(1, data.count), alignment: 8)
        data.copyBytes(to: buffer)
        self.blobs = blobs
        var offset = 0
        let keyCount = try length(at: &offset)
        for _ in 0..<keyCount {
            let key = try text(at: &offset)
            numbers[key] = keys.count
            keys.append(key)
        }
        rootOffset = offset
    }

    deinit { buffer.deallocate() }

    func number(of key: String) -> Int? { numbers[key] }

    // MARK: reading, every length checked

    func tag(at offset: Int) throws -> RecordTag {
        guard offset < count, let tag = RecordTag(rawValue: buffer[offset]) else { throw damage }
        return tag
    }

    func varint(at offset: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < count, shift < 64 else { throw damage }
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count or a length, which must fit in what is left.
    func length(at offset: inout Int) throws -> Int {
        let value = try varint(at: &offset)
        guard value <= UInt64(count - offset) else { throw damage }
        return Int(value)
    }

    func text(at offset: inout Int) throws -> String {
        let length = try length(at: &offset)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
        offset += length
        return text
    }

    private func uint32(at offset: Int) throws -> Int {
        guard offset + 4 <= count else { throw damage }
        return (0..<4).reduce(0) { $0 | Int(buffer[offset + $1]) << (8 * $1) }
    }

    private func word(at offset: Int) throws -> UInt64 {
        guard offset + 8 <= count else { throw damage }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Where the value at `offset` ends.
    func end(of offset: Int) throws -> Int {
        var position = offset + 1
        switch try tag(at: offset) {
        case .null, .falseValue, .trueValue: return position
        case .signed, .unsigned: _ = try varint(at: &position); return position
        case .double: guard position + 8 <= count else { throw damage }; return position + 8
        case .string:
            let length = try length(at: &position)
            return position + length
        case .doubles, .words:
            let entries = try varint(at: &position)
            guard entries <= UInt64(count - position) / 8 else { throw damage }
            return position + 8 * Int(entries)
        case .blob:
            _ = try varint(at: &position)
            let length = try length(at: &position)
            return position + length
        case .keyed, .unkeyed:
            let size = try uint32(at: position)
            guard size <= count - position - 4 else { throw damage }
            return position + 4 + size
        }
    }

    /// A container's entries: where each value starts and, in a keyed one, its key's number.
    func entries(of tag: RecordTag, at offset: Int) throws -> (keys: [Int], values: [Int]) {
        guard try self.tag(at: offset) == tag else { throw mismatch(tag, at: offset) }
        let end = try end(of: offset)
        var position = offset + 5
        let entries = try length(at: &position)
        var keys: [Int] = [], values: [Int] = []
        if tag == .keyed { keys.reserveCapacity(entries) }
        values.reserveCapacity(entries)
        for _ in 0..<entries {
            if tag == .keyed {
                let key = try varint(at: &position)
                guard key < UInt64(self.keys.count) else { throw damage }
                keys.append(Int(key))
            }
            values.append(position)
            position = try self.end(of: position)
            guard position <= end else { throw damage }
        }
        guard position == end else { throw damage }
        return (keys, values)
    }

    // MARK: values

    func isNil(at offset: Int) throws -> Bool { try tag(at: offset) == .null }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case .falseValue: return false
        case .trueValue: return true
        default: throw mismatch(.trueValue, at: offset)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) throws -> T {
        var position = offset + 1
        let value: T?
        switch try tag(at: offset) {
        case .signed:
            let bits = try varint(at: &position)
            value = T(exactly: Int64(bitPattern: bits >> 1) ^ -Int64(bitPattern: bits & 1))
        case .unsigned: value = T(exactly: try varint(at: &position))
        default: throw mismatch(.signed, at: offset)
        }
        guard let value else { throw CacheDamage("a number out of the range of \(T.self)") }
        return value
    }

    func double(at offset: Int) throws -> Double {
        guard try tag(at: offset) == .double else { throw mismatch(.double, at: offset) }
        return Double(bitPattern: try word(at: offset + 1))
    }

    func string(at offset: Int) throws -> String {
        guard try tag(at: offset) == .string else { throw mismatch(.string, at: offset) }
        var position = offset + 1
        return try text(at: &position)
    }

    func doubles(at offset: Int) throws -> [Double] {
        var position = offset + 1
        switch try tag(at: offset) {
        case .doubles: return try bits(Double.self, at: &position)
        case .blob:
            let entries = try varint(at: &position)
            let name = try text(at: &position)
            guard entries <= UInt64(Int.max / 8) else { throw damage }
            guard let blobs else { throw CacheDamage("a blob where none can be read") }
            return try blobs.load(entries: name, count: Int(entries))
        default: throw mismatch(.doubles, at: offset)
        }
    }

    func words(at offset: Int) throws -> [UInt64] {
        guard try tag(at: offset) == .words else { throw mismatch(.words, at: offset) }
        var position = offset + 1
        return try bits(UInt64.self, at: &position)
    }

    /// A count and that many 8-byte entries, copied at once.
    private func bits<T: BitwiseCopyable>(_ type: T.Type, at position: inout Int) throws -> [T] {
        let stored = try varint(at: &position)
        guard MemoryLayout<T>.size == 8, stored <= UInt64(count - position) / 8 else { throw damage }
        let start = position, entries = Int(stored)
        position += 8 * entries
        return [T](unsafeUninitializedCapacity: entries) { values, initialized in
            UnsafeMutableRawBufferPointer(values).copyMemory(
                from: UnsafeRawBufferPointer(
                    rebasing: buffer[start..<start + 8 * entries]))
            initialized = entries
        }
    }

    func decode<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        if T.self == [Double].self { return try doubles(at: offset) as! T }
        if T.self == [UInt64].self { return try words(at: offset) as! T }
        if T.self == String.self { return try string(at: offset) as! T }
        return try T(from: ValueDecoder(record: self, offset: offset))
    }

    private var damage: CacheDamage { CacheDamage("a record that does not read") }

    private func mismatch(_ expected: RecordTag, at offset: Int) -> CacheDamage {
        let found = (try? tag(at: offset)).map { "\($0)" } ?? "nothing"
        return CacheDamage("\(found) where \(expected) was expected")
    }
}

/// The `Decoder` handed to one value's `init(from:)`.
private struct ValueDecoder: Decoder {
    let record: Record
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedRecordReader<Key>(record: record, offset: offset))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedRecordReader(record: record, offset: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleRecordReader(record: record, offset: offset)
    }
}

private struct KeyedRecordReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let record: Record
    private let keys: [Int]
    private let values: [Int]
    var codingPath: [any CodingKey] { [] }

    init(record: Record, offset: Int) throws {
        self.record = record
        (keys, values) = try record.entries(of: .keyed, at: offset)
    }

    var allKeys: [Key] { keys.compactMap { Key(stringValue: record.keys[$0]) } }

    private func find(_ key: Key) -> Int? {
        guard let number = record.number(of: key.stringValue), let index = keys.firstIndex(of: number) else {
            return nil
        }
        return values[index]
    }

    private func at(_ key: Key) throws -> Int {
        guard let offset = find(key) else { throw CacheDamage("no value for '\(key.stringValue)'") }
        return offset
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try record.isNil(at: try at(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try record.bool(at: try at(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try record.string(at: try at(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try record.double(at: try at(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try record.double(at: try at(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try record.integer(type, at: try at(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try record.integer(type, at: try at(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try record.integer(type, at: try at(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try record.integer(type, at: try at(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try record.integer(type, at: try at(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try record.integer(type, at: try at(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try record.integer(type, at: try at(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try record.integer(type, at: try at(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try record.integer(type, at: try at(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try record.integer(type, at: try at(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try record.decode(type, at: try at(key)) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedRecordReader<NestedKey>(record: record, offset: try at(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try UnkeyedRecordReader(record: record, offset: try at(key))
    }

    func superDecoder() throws -> any Decoder {
        guard let number = record.number(of: "super"), let index = keys.firstIndex(of: number) else {
            throw CacheDamage("no value for 'super'")
        }
        return ValueDecoder(record: record, offset: values[index])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(record: record, offset: try at(key)) }
}

private struct UnkeyedRecordReader: UnkeyedDecodingContainer {
    let record: Record
    private let values: [Int]
    var codingPath: [any CodingKey] { [] }
    private(set) var currentIndex = 0
    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    init(record: Record, offset: Int) throws {
        self.record = record
        values = try record.entries(of: .unkeyed, at: offset).values
    }

    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw CacheDamage("fewer values than read") }
        currentIndex += 1
        return values[currentIndex - 1]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try record.isNil(at: values[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try record.bool(at: try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try record.string(at: try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try record.double(at: try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try record.double(at: try next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try record.integer(type, at: try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try record.integer(type, at: try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try record.integer(type, at: try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try record.integer(type, at: try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try record.decode(type, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        KeyedDecodingContainer(try KeyedRecordReader<NestedKey>(record: record, offset: try next()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedRecordReader(record: record, offset: try next())
    }

    mutating func superDecoder() throws -> any Decoder { ValueDecoder(record: record, offset: try next()) }
}

private struct SingleRecordReader: SingleValueDecodingContainer {
    let record: Record
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? record.isNil(at: offset)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try record.bool(at: offset) }
    func decode(_ type: String.Type) throws -> String { try record.string(at: offset) }
    func decode(_ type: Double.Type) throws -> Double { try record.double(at: offset) }
    func decode(_ type: Float.Type) throws -> Float { Float(try record.double(at: offset)) }
    func decode(_ type: Int.Type) throws -> Int { try record.integer(type, at: offset) }
    func decode(_ type: Int8.Type) throws -> Int8 { try record.integer(type, at: offset) }
    func decode(_ type: Int16.Type) throws -> Int16 { try record.integer(type, at: offset) }
    func decode(_ type: Int32.Type) throws -> Int32 { try record.integer(type, at: offset) }
    func decode(_ type: Int64.Type) throws -> Int64 { try record.integer(type, at: offset) }
    func decode(_ type: UInt.Type) throws -> UInt { try record.integer(type, at: offset) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try record.integer(type, at: offset) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try record.integer(type, at: offset) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try record.integer(type, at: offset) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try record.integer(type, at: offset) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try record.decode(type, at: offset) }
}
