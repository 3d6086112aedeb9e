import CGEMM

/// A tensor's entries as one byte each and the table of the 256 values a byte
/// stands for: what a data set read from bytes is.
///
/// A training run multiplies its data by the same layer every epoch. tutor's
/// products keep here, from the first one that leaves out the data's zeros,
/// the lists of its nonzero entries — two bytes an entry — so that every later
/// product reads those instead of the tensor's doubles and makes no lists.
/// The bits of a product do not change (`NarrowProduct`).
///
/// A tensor drops its codes at any change to its entries (`Tensor.scalars`).
final class ByteCodedEntries: @unchecked Sendable {
    /// The C operand, which owns the codes and the lists; it is safe to use
    /// from several threads at once.
    let operand: OpaquePointer
    let rows: Int, cols: Int

    /// Room for rows·cols codes standing for `table`'s values, which the
    /// caller writes through `codes` before any product; nil without memory.
    init?(rows: Int, cols: Int, table: [Double]) {
        guard let operand = table.withUnsafeBufferPointer({ tutor_coded_make(rows, cols, $0.baseAddress) }) else {
            return nil
        }
        self.operand = operand
        self.rows = rows
        self.cols = cols
    }

    deinit { tutor_coded_free(operand) }

    /// The codes, row after row.
    var codes: UnsafeMutablePointer<UInt8> { tutor_coded_codes(operand) }
}
