import CZlib
import Foundation

/// Whole-file reading that inflates gzip transparently, so every reader accepts a
/// data file either as downloaded (`.gz`) or unpacked.
///
/// This is the one file that talks to zlib: it turns zlib's stream into a Swift
/// array and ends the stream before returning.
public enum Gzip {
    /// The largest file, before or after inflating, that is read: 1 GiB.
    ///
    /// Deflate can compress a run of zeros about 1000:1, so a 1 MiB download could
    /// otherwise claim a gigabyte of memory (a "decompression bomb"). The largest
    /// file a chapter needs, Fashion-MNIST's training images, is 47 MB inflated.
    public static let byteLimit = 1 << 30

    /// Sees a file's bytes while they are inflated, on the inflating thread: with
    /// all bytes so far, each time another `observedStep` bytes are in, and a last
    /// time with `complete` true once they are all in — or the inflating failed, or
    /// the file inflates past the length its trailer gives and the bytes are about
    /// to move. `expected` is that length (a whole file's, when it is not gzip),
    /// bounded by the limit. Until the last call returns, the bytes seen stay where
    /// they are, so other threads may work on them meanwhile; by its end they must be done.
    public typealias Observer = (_ bytes: UnsafeBufferPointer<UInt8>, _ expected: Int, _ complete: Bool) -> Void

    /// How many more bytes an observer is shown each time: small enough that work
    /// on them keeps up with zlib, large enough that showing them costs nothing.
    static let observedStep = 4 << 20

    /// The bytes of the file at `path`, inflated when they begin with the gzip magic
    /// 0x1f 0x8b; refused when either form exceeds `limit` bytes. `observer` sees
    /// them while they come (a file that is not gzip, at once and complete).
    public static func contents(
        ofFile path: String, limit: Int = byteLimit, observer: Observer? = nil
    ) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else {
            throw DataError(file: path, "is a folder, expected a file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        // A device or pipe (a link to /dev/zero, say) could be read forever.
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw DataError(file: path, "is not a regular file")
        }
        let size = attributes?[.size] as? Int ?? 0
        guard size <= limit else {
            throw DataError(file: path, "the file has \(size) bytes; the limit is \(limit)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, "cannot be read (check its permissions)")
        }
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
            let bytes = [UInt8](data)
            bytes.withUnsafeBufferPointer { observer?($0, $0.count, true) }
            return bytes
        }
        // Inflated straight from the file's bytes: no copy of the compressed data.
        return try data.withUnsafeBytes { raw in
            try inflate(raw.bindMemory(to: UInt8.self), file: path, limit: limit, observer: observer)
        }
    }

    /// The concatenated contents of the gzip members in `compressed`.
    ///
    /// `inflateInit2` with window bits 15 + 32 accepts a gzip or zlib header and
    /// checks the CRC-32 and length in each member's trailer, so a damaged or cut
    /// file is an error rather than wrong numbers.
    static func inflate(
        _ compressed: UnsafeBufferPointer<UInt8>, file: String, limit: Int, observer: Observer? = nil
    ) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError(file: file, "zlib could not start inflating (out of memory?)")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress)
        stream.avail_in = UInt32(compressed.count)

        // A gzip trailer ends with the inflated length mod 2³², a first capacity that
        // is only trusted up to deflate's largest ratio, 1032:1. zlib writes into it
        // directly; only output beyond it goes through a chunk.
        let lengthHint = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        let firstCapacity = max(min(lengthHint, limit, compressed.count * 1032), 1 << 16)
        var ended = false
        var output = try [UInt8](unsafeUninitializedCapacity: firstCapacity) { buffer, initialized in
            initialized = 0
            // The last look, also when inflating throws: nothing may read the bytes after it.
            defer { observer?(UnsafeBufferPointer(rebasing: buffer[..<initialized]), buffer.count, true) }
            let step = observer == nil ? buffer.count : observedStep
            while !ended, initialized < buffer.count {
                let end = min(buffer.count, initialized + step)
                let produced: Int
                (produced, ended) = try inflateStep(
                    &stream, compressed, into: UnsafeMutableBufferPointer(rebasing: buffer[initialized..<end]),
                    after: initialized, file: file)
                initialized += produced
                if !ended { observer?(UnsafeBufferPointer(rebasing: buffer[..<initialized]), buffer.count, false) }
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !ended, output.count <= limit {
            let produced: Int
            (produced, ended) = try chunk.withUnsafeMutableBufferPointer { buffer in
                try inflateStep(&stream, compressed, into: buffer, after: output.count, file: file)
            }
            output.append(contentsOf: chunk[..<produced])
        }
        guard output.count <= limit else {
            throw DataError(file: file, "inflates to more than \(limit) bytes, the limit for a data file")
        }
        return output
    }

    /// Inflates into `buffer` until it is full or the last member has ended;
    /// returns the bytes written and whether the data has ended. `earlier` bytes
    /// were inflated before, for the message of a cut file.
    private static func inflateStep(
        _ stream: inout z_stream, _ input: UnsafeBufferPointer<UInt8>,
        into buffer: UnsafeMutableBufferPointer<UInt8>, after earlier: Int,
        file: String
    ) throws -> (produced: Int, ended: Bool) {
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        while true {
            guard stream.avail_out > 0 else { return (buffer.count, false) }
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let rest = Int(stream.avail_in)
                if rest == 0 { return (produced, true) }
                let next = input.count - rest
                guard rest >= 2, input[next] == 0x1f, input[next + 1] == 0x8b else {
                    throw DataError(file: file, "\(rest) unexpected bytes after the end of the gzip data")
                }
                inflateReset(&stream)  // a further gzip member, as `gzip -c a b` writes
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw DataError(
                    file: file,
                    "truncated: the gzip data ends early, "
                        + "after \(input.count) bytes (\(earlier + produced) inflated)")
            case Z_BUF_ERROR where stream.avail_out == 0:
                return (buffer.count, false)
            case Z_MEM_ERROR:
                throw DataError(file: file, "out of memory while inflating")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw DataError(file: file, "corrupt gzip data: \(reason)")
            }
        }
    }
}
