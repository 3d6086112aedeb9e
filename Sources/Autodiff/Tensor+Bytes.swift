extension Tensor {
    /// A tensor whose entries are `table[byte]` for consecutive bytes: pixels
    /// and labels of an IDX file, converted on every core.
    ///
    /// Each entry is looked up independently, so the result does not depend on
    /// how the work is split. No huge pages are asked for: a data set's 376 MB
    /// of fresh memory took the kernel two to three times as long to fault in
    /// with 2 MiB pages as with 4 KiB pages on the machine measured.
    public init(shape: Shape, bytes: UnsafeBufferPointer<UInt8>, table: [Double]) {
        precondition(bytes.count == shape.count, "Tensor: \(bytes.count) bytes for shape \(shape)")
        precondition(table.count == 256, "Tensor: a byte table needs 256 entries, got \(table.count)")
        let scalars = table.withUnsafeBufferPointer { values in
            [Double](unsafeUninitializedCapacity: bytes.count) { dst, initialized in
                inChunks(bytes.count) { range in
                    for i in range { dst[i] = values[Int(bytes[i])] }
                }
                initialized = bytes.count
            }
        }
        self.init(shape: shape, scalars: scalars)
    }
}
