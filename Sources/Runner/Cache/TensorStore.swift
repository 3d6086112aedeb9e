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

/// Writes and reads the large tensors of stored states (`<cache>/blobs/`).
final class TensorStore {
    /// Tensors with more entries than this go to a file of their own.
    static let inlineLimit = 4096

    let directory: String
    private let known: KnownBlobs
    /// The blobs the states written through this store refer to.
    private(set) var referenced: [String] = []

    init(directory: String, known: KnownBlobs) {
        self.directory = directory
        self.known = known
    }

    func store(_ tensor: Tensor) throws -> StoredTensor {
        guard tensor.scalars.count > Self.inlineLimit else {
            return StoredTensor(shape: tensor.shape, bits: tensor.scalars.map(\.bitPattern))
        }
        let name: String
        if let seen = known.name(of: tensor) {
            name = seen
        } else {
            name = tensor.scalars.withUnsafeBufferPointer { doubles in
                doubles.withMemoryRebound(to: UInt64.self) { words in
                    var hash = ContentHash()
                    hash.add(words: words)
                    return hash.hex
                }
            }
            let path = blobPath(name)
            if !FileManager.default.fileExists(atPath: path) {
                try CacheFiles.write(tensor.scalars.withUnsafeBufferPointer { Data(buffer: $0) }, to: path)
            }
            known.remember(tensor, as: name)
        }
        if !referenced.contains(name) { referenced.append(name) }
        return StoredTensor(shape: tensor.shape, blob: name)
    }

    func load(_ stored: StoredTensor?) throws -> Tensor {
        guard let stored else { throw CacheDamage("a value without its entries") }
        let scalars: [Double]
        if let inline = stored.bits {
            scalars = inline.map(Double.init(bitPattern:))
        } else if let name = stored.blob {
            guard let data = FileManager.default.contents(atPath: blobPath(name)), data.count % 8 == 0 else {
                throw CacheDamage("the stored entries \(name) are missing or cut short")
            }
            // Little-endian bits, as written: copied once into the entries.
            let entries = [Double](unsafeUninitializedCapacity: data.count / 8) { buffer, count in
                _ = data.copyBytes(to: buffer)
                count = data.count / 8
            }
            let hex = entries.withUnsafeBufferPointer { doubles in
                doubles.withMemoryRebound(to: UInt64.self) { words in
                    var hash = ContentHash()
                    hash.add(words: words)
                    return hash.hex
                }
            }
            guard hex == name else { throw CacheDamage("the stored entries \(name) were changed") }
            scalars = entries
        } else {
            throw CacheDamage("a value without its entries")
        }
        guard scalars.count == stored.shape.count else {
            throw CacheDamage("a value of shape \(stored.shape) with \(scalars.count) entries")
        }
        let tensor = Tensor(shape: stored.shape, scalars: scalars)
        if let name = stored.blob { known.remember(tensor, as: name) }
        return tensor
    }

    private func blobPath(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".f64")
    }
}

/// Large tensors of this run already stored or restored, by the address of
/// their entries: a data set in every state after the block that loaded it is
/// hashed once, not once a block. The tensors are kept, so their entries stay
/// where they are and cannot change (a change would copy them elsewhere).
final class KnownBlobs: @unchecked Sendable {
    private let lock = NSLock()
    private var tensors: [(tensor: Tensor, name: String)] = []

    func name(of tensor: Tensor) -> String? {
        let address = Self.address(tensor)
        lock.lock(); defer { lock.unlock() }
        return tensors.first { Self.address($0.tensor) == address && $0.tensor.shape == tensor.shape }?.name
    }

    func remember(_ tensor: Tensor, as name: String) {
        lock.lock(); defer { lock.unlock() }
        tensors.append((tensor, name))
    }

    private static func address(_ tensor: Tensor) -> UnsafeRawPointer? {
        tensor.scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
