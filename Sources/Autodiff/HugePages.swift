import Foundation

/// Asks the kernel to back a large, not yet touched buffer with 2 MiB pages.
///
/// A fresh 30 MB tensor otherwise takes thousands of page faults on first
/// write; with transparent huge pages in `madvise` mode (Debian's default) it
/// takes a handful. The contents are unaffected; on systems without huge pages
/// the advice is ignored.
@usableFromInline
func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
    #if os(Linux)
        let bytes = buffer.count * MemoryLayout<Double>.stride
        guard bytes >= 4 << 20, let base = buffer.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    #endif
}
