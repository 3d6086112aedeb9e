import Foundation
import Autodiff

/// A cache file that cannot be used as it is: unreadable, cut short, edited,
/// or written by something else. The cache ignores it and runs again.
struct CacheDamage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A tensor in a stored state: small ones inline as the bits of their
/// entries (exact, NaN and −0 included), large ones as a file of raw bits
/// named by their fingerprint, kept once however many states share it (a
/// data set is read into every state after the block that loads it).
struct StoredTensor: Codable {
    var shape: Shape
    var bits: [UInt64]?
    var blob: String?
}

/// Writes and reads the large values of stored states and records (`<cache>/blobs/`).
final class TensorStore {
    /// Tensors with more entries than this go to a file of their own.
    static let inlineLimit = 4096

    let directory: String
    private let known: KnownBlobs
    /// The blobs the files written through this store refer to, in the order first met.
    private(set) var referenced: [String] = []

    init(directory: String, known: KnownBlobs) {
        self.directory = directory
        self.known = known
    }

    func store(_ tensor: Tensor) throws -> StoredTensor {
        guard tensor.scalars.count > Self.inlineLimit else {
            return StoredTensor(shape: tensor.shape, bits: tensor.scalars.map(\.bitPattern))
        }
        return StoredTensor(shape: tensor.shape, blob: try store(entries: tensor.scalars))
    }

    /// Keeps `entries` as a blob, unless this run stored or read them already,
    /// and returns its name.
    func store(entries: [Double]) throws -> String {
        let name: String
        if let seen = known.name(of: entries) {
            name = seen
        } else {
            name = Self.fingerprint(entries)
            let path = blobPath(name)
            if !FileManager.default.fileExists(atPath: path) {
                try CacheFiles.write(entries.withUnsafeBufferPointer { Data(buffer: $0) }, to: path)
            }
            known.remember(entries, as: name)
        }
        if !referenced.contains(name) { referenced.append(name) }
        return name
    }

    func load(_ stored: StoredTensor?) throws -> Tensor {
        guard let stored else { throw CacheDamage("a value without its entries") }
        let scalars: [Double]
        if let inline = stored.bits {
            scalars = inline.map(Double.init(bitPattern:))
        } else if let name = stored.blob {
            scalars = try load(entries: name, count: stored.shape.count)
        } else {
            throw CacheDamage("a value without its entries")
        }
        guard scalars.count == stored.shape.count else {
            throw CacheDamage("a value of shape \(stored.shape) with \(scalars.count) entries")
        }
        return Tensor(shape: stored.shape, scalars: scalars)
    }

    /// The `count` entries of the blob `name`, checked against its name.
    func load(entries name: String, count: Int) throws -> [Double] {
        guard (0...Int.max / 8).contains(count), let data = FileManager.default.contents(atPath: blobPath(name)),
            data.count == 8 * count
        else {
            throw CacheDamage("the stored entries \(name) are missing or cut short")
        }
        // Little-endian bits, as written: copied once into the entries.
        let entries = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
        guard Self.fingerprint(entries) == name else { throw CacheDamage("the stored entries \(name) were changed") }
        known.remember(entries, as: name)
        return entries
    }

    private static func fingerprint(_ entries: [Double]) -> String {
        entries.withUnsafeBufferPointer { doubles in
            doubles.withMemoryRebound(to: UInt64.self) { words in
                var hash = ContentHash()
                hash.add(words: words)
                return hash.hex
            }
        }
    }

    private func blobPath(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".f64")
    }
}

/// Large values of this run already stored or read, by the address of their
/// entries: a data set in every state after the block that loaded it is
/// hashed once, not once a block. The arrays are kept, so their
/// entries stay where they are and cannot change (a change would copy them elsewhere).
final class KnownBlobs: @unchecked Sendable {
    private let lock = NSLock()
    private var blobs: [(entries: [Double], name: String)] = []

    func name(of entries: [Double]) -> String? {
        let address = Self.address(entries)
        lock.lock(); defer { lock.unlock() }
        return blobs.first { Self.address($0.entries) == address && $0.entries.count == entries.count }?.name
    }

    func remember(_ entries: [Double], as name: String) {
        lock.lock(); defer { lock.unlock() }
        blobs.append((entries, name))
    }

    private static func address(_ entries: [Double]) -> UnsafeRawPointer? {
        entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
