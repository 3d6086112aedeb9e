import CGEMM
import Foundation

/// A tensor's entries as one byte each and the table of the 256 values a byte
/// stands for: what a data set read from bytes is.
///
/// A training run multiplies its data by the same layer every epoch. tutor's
/// products keep here, from the first one that leaves out the data's zeros,
/// the lists of its nonzero entries — two bytes an entry — so that every later
/// product reads those instead of the tensor's doubles and makes no lists.
/// The bits of a product do not change (`NarrowProduct`). The tensor's doubles
/// are made from the codes at the first read of its entries (`doubles`).
///
/// A tensor drops its codes at any change to its entries (`Tensor.scalars`).
final class ByteCodedEntries: @unchecked Sendable {
    /// The C operand, which owns the codes and the lists; it is safe to use
    /// from several threads at once.
    let operand: OpaquePointer
    let rows: Int, cols: Int
    let table: [Double]
    /// The entries as doubles once something read them; `lock` guards it.
    private var made: [Double]?
    private let lock = NSLock()

    /// Room for rows·cols codes standing for `table`'s values, which the
    /// caller writes through `codes` before any product; nil without memory.
    init?(rows: Int, cols: Int, table: [Double]) {
        guard let operand = table.withUnsafeBufferPointer({ tutor_coded_make(rows, cols, $0.baseAddress) }) else {
            return nil
        }
        self.operand = operand
        self.rows = rows
        self.cols = cols
        self.table = table
    }

    deinit { tutor_coded_free(operand) }

    /// The codes, row after row.
    var codes: UnsafeMutablePointer<UInt8> { tutor_coded_codes(operand) }

    /// Whether the doubles have been made.
    var madeDoubles: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }

    /// The entries as doubles, made at the first call and kept.
    var doubles: [Double] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let doubles = Self.doubles(codes, count: rows * cols, table: table)
        made = doubles
        return doubles
    }

    /// `table[byte]` for `count` consecutive bytes, converted on every core.
    ///
    /// Each entry is looked up independently, so the result does not depend on
    /// how the work is split. The entries are asked to be backed by 2 MiB
    /// pages, as every large tensor is: with 4 KiB pages, Fashion-MNIST's 376 MB
    /// of fresh memory took 92000 page faults.
    static func doubles(_ bytes: UnsafePointer<UInt8>?, count: Int, table: [Double]) -> [Double] {
        table.withUnsafeBufferPointer { values in
            [Double](unsafeUninitializedCapacity: count) { dst, initialized in
                adviseHugePages(dst)
                if let bytes {
                    inChunks(count) { range in
                        for i in range { dst[i] = values[Int(bytes[i])] }
                    }
                }
                initialized = count
            }
        }
    }
}
