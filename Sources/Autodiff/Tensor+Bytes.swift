extension Tensor {
    /// A tensor whose entries are `table[byte]` for consecutive bytes: pixels
    /// and labels of an IDX file, converted on every core.
    ///
    /// Each entry is looked up independently, so the result does not depend on
    /// how the work is split. The entries are asked to be backed by 2 MiB
    /// pages, as every large tensor is: with 4 KiB pages a data set's 376 MB of
    /// fresh memory is 92000 page faults, a third of loading Fashion-MNIST.
    /// Measured loading it (12 runs each): 0.19–0.26 s with huge pages, median
    /// 0.22, and twice 0.37–0.44 s when the kernel had to compact memory first;
    /// 0.26–0.32 s, median 0.27, without.
    ///
    /// The tensor keeps a copy of the bytes and the table (`ByteCodedEntries`)
    /// for tutor's products to list its nonzero entries from.
    public init(shape: Shape, bytes: UnsafeBufferPointer<UInt8>, table: [Double]) {
        precondition(bytes.count == shape.count, "Tensor: \(bytes.count) bytes for shape \(shape)")
        precondition(table.count == 256, "Tensor: a byte table needs 256 entries, got \(table.count)")
        let coded = ByteCodedEntries(rows: shape.rows, cols: shape.cols, table: table)
        let codes = coded?.codes, source = bytes.baseAddress
        let scalars = table.withUnsafeBufferPointer { values in
            [Double](unsafeUninitializedCapacity: bytes.count) { dst, initialized in
                adviseHugePages(dst)
                inChunks(bytes.count) { range in
                    for i in range { dst[i] = values[Int(bytes[i])] }
                    if let codes, let source {
                        (codes + range.lowerBound).update(from: source + range.lowerBound, count: range.count)
                    }
                }
                initialized = bytes.count
            }
        }
        self.init(shape: shape, scalars: scalars)
        byteCoded = coded
    }
}
