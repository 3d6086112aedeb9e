import Foundation

/// Turns bytes into `Double`s by a table on a thread of its own while the bytes
/// are still arriving: an IDX file's pixels are converted as zlib inflates them,
/// so the conversion (and faulting in its 376 MB for Fashion-MNIST) takes the
/// other core instead of following the inflating.
///
/// `offer` says how many bytes from a start may be read; `finish` waits for the
/// conversion and returns it, or nil when fewer than `count` bytes were offered.
/// The offered bytes must stay where they are until `finish` returns. Each entry
/// is `table[byte]`, as in `Tensor(shape:bytes:table:)`.
final class StreamingByteConversion: @unchecked Sendable {
    private let count: Int
    private let table: [Double]
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var start: UnsafePointer<UInt8>?
    private var offered = 0
    private var closed = false
    private var converted: [Double]?
    private let done = DispatchSemaphore(value: 0)

    init(count: Int, table: [Double]) {
        precondition(table.count == 256, "StreamingByteConversion: a byte table needs 256 entries")
        self.count = count
        self.table = table
        // A thread of its own: it waits for bytes most of its life, which would
        // hold one of the few threads of Dispatch's pool.
        Thread { self.convert() }.start()
    }

    /// The first `available` bytes from `start` may be read (at most `count` are).
    func offer(_ start: UnsafePointer<UInt8>, available: Int) {
        condition.lock()
        self.start = start
        offered = max(offered, min(available, count))
        condition.signal()
        condition.unlock()
    }

    /// The converted entries, once every byte offered is converted; nil when
    /// the bytes offered were fewer than `count`.
    func finish() -> [Double]? {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
        done.wait()
        return converted
    }

    private func convert() {
        let values = table.withUnsafeBufferPointer { table in
            [Double](unsafeUninitializedCapacity: count) { entries, initialized in
                initialized = 0
                while let (bytes, end, last) = nextOffer(after: initialized) {
                    // What is left once the bytes are all in is split over the cores.
                    let chunks = last ? max(1, min(coreCount, (end - initialized) >> 18)) : 1
                    let from = initialized
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let range =
                            (from + (end - from) * chunk / chunks)..<(from + (end - from) * (chunk + 1) / chunks)
                        for i in range { entries[i] = table[Int(bytes[i])] }
                    }
                    initialized = end
                }
            }
        }
        condition.lock()
        converted = values.count == count ? values : nil
        condition.unlock()
        done.signal()
    }

    /// Waits until more than `converted` bytes are offered, and says whether
    /// they are the last; nil once no more will be.
    private func nextOffer(after converted: Int) -> (UnsafePointer<UInt8>, Int, last: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while offered == converted, !closed, converted < count { condition.wait() }
        guard offered > converted, let start else { return nil }
        return (start, offered, closed || offered == count)
    }

    private let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
