import CDeflate
import CZlib
import Foundation

/// Whole-file reading that inflates gzip transparently, so every reader accepts a
/// data file either as downloaded (`.gz`) or unpacked.
///
/// This is the one file that talks to libdeflate and zlib. libdeflate inflates a
/// file of one gzip member whose trailer gives its length in one call, twice as
/// fast as zlib; zlib's stream takes everything else — several members, a
/// trailer that is wrong, damaged or cut data — and says what is wrong with it.
public enum Gzip {
    /// The largest file, before or after inflating, that is read: 1 GiB.
    ///
    /// Deflate can compress a run of zeros about 1000:1, so a 1 MiB download could
    /// otherwise claim a gigabyte of memory (a "decompression bomb"). The largest
    /// file a chapter needs, Fashion-MNIST's training images, is 47 MB inflated.
    public static let byteLimit = 1 << 30

    /// The bytes of the file at `path`, inflated when they begin with the gzip magic
    /// 0x1f 0x8b; refused when either form exceeds `limit` bytes.
    public static func contents(ofFile path: String, limit: Int = byteLimit) throws -> [UInt8] {
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
            return [UInt8](data)
        }
        // Inflated straight from the file's bytes: no copy of the compressed data.
        return try data.withUnsafeBytes { raw in
            let compressed = raw.bindMemory(to: UInt8.self)
            return try inflateOneMember(compressed, limit: limit)
                ?? inflate(compressed, file: path, limit: limit)
        }
    }

    /// The contents of `compressed` when it is one gzip member that inflates to the
    /// length its trailer gives, within `limit`; nil otherwise, and then zlib
    /// inflates it again. libdeflate checks the CRC-32 and the length itself.
    static func inflateOneMember(_ compressed: UnsafeBufferPointer<UInt8>, limit: Int) -> [UInt8]? {
        // The trailer's length (mod 2³²) is only trusted up to deflate's largest ratio, 1032:1.
        let length = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        guard compressed.count >= 18, length <= limit, length <= compressed.count * 1032,
            let decompressor = libdeflate_alloc_decompressor()
        else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var result = LIBDEFLATE_BAD_DATA
        var consumed = 0
        var produced = 0
        let output = [UInt8](unsafeUninitializedCapacity: max(length, 1)) { buffer, initialized in
            result = libdeflate_gzip_decompress_ex(
                decompressor, compressed.baseAddress, compressed.count, buffer.baseAddress, length,
                &consumed, &produced)
            initialized = result == LIBDEFLATE_SUCCESS ? produced : 0
        }
        // Bytes left over are a further member, or junk that zlib names.
        guard result == LIBDEFLATE_SUCCESS, consumed == compressed.count, produced == length else { return nil }
        return output
    }

    /// The concatenated contents of the gzip members in `compressed`.
    ///
    /// `inflateInit2` with window bits 15 + 32 accepts a gzip or zlib header and
    /// checks the CRC-32 and length in each member's trailer, so a damaged or cut
    /// file is an error rather than wrong numbers.
    static func inflate(_ compressed: UnsafeBufferPointer<UInt8>, file: String, limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError(file: file, "zlib could not start inflating (out of memory?)")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress)
        stream.avail_in = UInt32(compressed.count)

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
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
