import Autodiff

/// Reads the IDX files of MNIST and Fashion-MNIST, gzip or plain, into matrices
/// with one example per row.
///
/// An IDX file is a 4-byte magic number — two zero bytes, a type code, the number
/// of dimensions d — then d big-endian UInt32 sizes, then the entries row-major.
/// The data must be exactly as long as the sizes say: a short file is a cut
/// download, extra bytes mean the header is not what was meant, and either would
/// otherwise shift every image.
public enum IDXReader {
    /// Images n × rows × cols (type 0x08) as an n × (rows·cols) matrix of pixels
    /// scaled from 0…255 to [0, 1]; with `limit`, only the first `limit` images
    /// (all of them when there are fewer).
    static func images(_ path: String, limit: Int? = nil) throws -> Tensor {
        let take = try checkedLimit(limit)
        return try IDXFile(path: path, role: .images).images(first: take)
    }

    /// Labels n (type 0x08) as an n × 1 column of class indices; with `limit`, only
    /// the first `limit`.
    static func labels(_ path: String, limit: Int? = nil) throws -> Tensor {
        let take = try checkedLimit(limit)
        return try IDXFile(path: path, role: .labels).labels(first: take)
    }

    /// An images file and its labels file, whose counts must agree.
    public static func load(
        images imagesPath: String, labels labelsPath: String,
        limit: Int? = nil
    ) throws -> (images: Tensor, labels: Tensor) {
        let take = try checkedLimit(limit)
        let images = try IDXFile(path: imagesPath, role: .images)
        let labels = try IDXFile(path: labelsPath, role: .labels)
        guard images.count == labels.count else {
            throw DataError(
                file: labelsPath,
                "has \(labels.count) labels but \(imagesPath) has \(images.count) images")
        }
        return (try images.images(first: take), try labels.labels(first: take))
    }

    private static func checkedLimit(_ limit: Int?) throws -> Int {
        guard let limit else { return .max }
        guard limit >= 0 else {
            throw TensorError.invalidArgument(operation: "limit", message: "must not be negative, got \(limit)")
        }
        return limit
    }
}

/// One IDX file, read whole and checked against its header.
private struct IDXFile {
    enum Role {
        case images, labels

        var dimensionCount: Int { self == .images ? 3 : 1 }
        var layout: String { self == .images ? "count × rows × columns, for images" : "count, for labels" }
    }

    let path: String
    let bytes: [UInt8]
    /// The sizes from the header; `dimensions[0]` is the number of examples.
    let dimensions: [Int]
    /// Where the entries begin: after the magic number and the sizes.
    let dataOffset: Int

    var count: Int { dimensions[0] }

    /// Reads and checks the file.
    init(path: String, role: Role) throws {
        let bytes = try Gzip.contents(ofFile: path)
        self.path = path
        self.bytes = bytes
        guard bytes.count >= 4 else {
            throw DataError(file: path, "too short for an IDX file: \(bytes.count) bytes")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            let magic = bytes[0..<4].map { hex($0) }.joined()
            throw DataError(
                file: path,
                "not an IDX file: it begins 0x\(magic), expected two zero bytes "
                    + "then the type code and dimension count (0x0000080\(role.dimensionCount))")
        }
        let typeCode = bytes[2]
        guard typeCode == 0x08 else {
            let known: [UInt8: String] = [
                0x09: "signed byte", 0x0B: "16-bit integer", 0x0C: "32-bit integer",
                0x0D: "32-bit float", 0x0E: "64-bit float",
            ]
            let what =
                known[typeCode].map { "type code 0x\(hex(typeCode)) (\($0)) is not supported" }
                ?? "unknown type code 0x\(hex(typeCode))"
            throw DataError(file: path, "\(what); images and labels are 0x08 (unsigned byte)")
        }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount == role.dimensionCount else {
            throw DataError(
                file: path,
                "has \(dimensionCount) dimensions, "
                    + "expected \(role.dimensionCount) (\(role.layout))")
        }
        dataOffset = 4 + 4 * dimensionCount
        guard bytes.count >= dataOffset else {
            throw DataError(file: path, "truncated: the header needs \(dataOffset) bytes, file has \(bytes.count)")
        }
        let dimensions = (0..<dimensionCount).map { d in
            bytes[(4 + 4 * d)..<(8 + 4 * d)].reduce(0) { $0 << 8 | Int($1) }
        }
        self.dimensions = dimensions
        let sizes = dimensions.map(String.init).joined(separator: "×")
        // Each size is below 2³², so the product can overflow Int only from the third on.
        var expected = 1
        for size in dimensions {
            let (product, overflow) = expected.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw DataError(file: path, "the header's sizes \(sizes) multiply beyond any file's length")
            }
            expected = product
        }
        let actual = bytes.count - dataOffset
        guard actual >= expected else {
            throw DataError(
                file: path,
                "truncated: header says \(sizes) = \(expected) bytes of data, "
                    + "file has \(actual)")
        }
        guard actual == expected else {
            throw DataError(
                file: path,
                "\(actual - expected) bytes after the data: header says "
                    + "\(sizes) = \(expected) bytes of data, file has \(actual)")
        }
    }

    /// The first `limit` images (or all), one per row, pixels scaled to [0, 1].
    func images(first limit: Int) throws -> Tensor {
        try matrix(rows: min(count, limit), cols: dimensions[1] * dimensions[2], table: Self.pixels)
    }

    /// A pixel's byte scaled to [0, 1].
    private static let pixels = (0...255).map { Double($0) / 255 }

    /// The first `limit` labels (or all) as a column.
    func labels(first limit: Int) throws -> Tensor {
        try matrix(rows: min(count, limit), cols: 1, table: (0...255).map { Double($0) })
    }

    /// The first `rows` examples as a rows × cols matrix, each byte mapped by `table`.
    private func matrix(rows: Int, cols: Int, table: [Double]) throws -> Tensor {
        let shape: Shape
        do {
            shape = try Tensor.checkedShape(rows, cols)
        } catch {
            throw DataError(file: path, "\(error)")
        }
        return bytes.withUnsafeBufferPointer { entries in
            Tensor(
                shape: shape, bytes: UnsafeBufferPointer(rebasing: entries[dataOffset..<(dataOffset + shape.count)]),
                table: table)
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 16 ? "0" + digits : digits
}
