import Foundation

/// Entries above which an element-wise loop is split over the cores: below it,
/// starting threads costs more than it saves.
@usableFromInline let parallelThreshold = 1 << 18

/// The machine's cores, read once.
@usableFromInline let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// Runs `body` over 0..<count, in contiguous chunks on every core when the
/// work is large. Every entry is computed exactly as in one loop, so results
/// do not depend on how many cores there are. Only for loops whose entries are
/// independent (no sums across entries).
@usableFromInline
func inChunks(_ count: Int, _ body: (Range<Int>) -> Void) {
    let chunks = min(coreCount, count / parallelThreshold)
    guard chunks > 1 else {
        body(0..<count)
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
    }
}
