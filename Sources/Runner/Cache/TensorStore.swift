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
    /// The blobs the states written through this store refer to.
    private(set) var referenced: [String] = []

    init(directory: String) { self.directory = directory }

    func store(_ tensor: Tensor) throws -> StoredTensor {
        let bits = tensor.scalars.map(\.bitPattern)
        guard bits.count > Self.inlineLimit else { return StoredTensor(shape: tensor.shape, bits: bits) }
        var hash = ContentHash()
        bits.withUnsafeBufferPointer { hash.add(words: $0) }
        let name = hash.hex
        let path = blobPath(name)
        if !FileManager.default.fileExists(atPath: path) {
            let data = bits.withUnsafeBufferPointer { Data(buffer: $0) }
            try CacheFiles.write(data, to: path)
        }
        if !referenced.contains(name) { referenced.append(name) }
        return StoredTensor(shape: tensor.shape, blob: name)
    }

    func load(_ stored: StoredTensor?) throws -> Tensor {
        guard let stored else { throw CacheDamage("a value without its entries") }
        let bits: [UInt64]
        if let inline = stored.bits {
            bits = inline
        } else if let name = stored.blob {
            guard let data = FileManager.default.contents(atPath: blobPath(name)), data.count % 8 == 0 else {
                throw CacheDamage("the stored entries \(name) are missing or cut short")
            }
            var words = [UInt64](repeating: 0, count: data.count / 8)
            _ = words.withUnsafeMutableBytes { data.copyBytes(to: $0) }
            var hash = ContentHash()
            words.withUnsafeBufferPointer { hash.add(words: $0) }
            guard hash.hex == name else { throw CacheDamage("the stored entries \(name) were changed") }
            bits = words
        } else {
            throw CacheDamage("a value without its entries")
        }
        guard bits.count == stored.shape.count else {
            throw CacheDamage("a value of shape \(stored.shape) with \(bits.count) entries")
        }
        return Tensor(shape: stored.shape, scalars: bits.map(Double.init(bitPattern:)))
    }

    private func blobPath(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".f64")
    }
}
