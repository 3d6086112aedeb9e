extension Tensor {
    /// A tensor whose entries are `table[byte]` for consecutive bytes: pixels
    /// and labels of an IDX file.
    ///
    /// The tensor keeps a copy of the bytes and the table (`ByteCodedEntries`):
    /// tutor's products read those, and the doubles are made at their first
    /// read. A data set that is only multiplied by layers — a training run on
    /// AVX-512 — never makes its 376 MB of doubles.
    public init(shape: Shape, bytes: UnsafeBufferPointer<UInt8>, table: [Double]) {
        precondition(bytes.count == shape.count, "Tensor: \(bytes.count) bytes for shape \(shape)")
        precondition(table.count == 256, "Tensor: a byte table needs 256 entries, got \(table.count)")
        if let coded = ByteCodedEntries(rows: shape.rows, cols: shape.cols, table: table) {
            if let source = bytes.baseAddress {
                let codes = coded.codes
                inChunks(bytes.count) { range in
                    (codes + range.lowerBound).update(from: source + range.lowerBound, count: range.count)
                }
            }
            self.init(shape: shape, coded: coded)
            return
        }
        self.init(shape: shape, scalars: ByteCodedEntries.doubles(bytes.baseAddress, count: bytes.count, table: table))
    }
}
