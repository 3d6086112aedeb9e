import CBLAS
import Foundation
#if os(Linux)
    import CMalloc
#endif

/// Process-wide settings under which training runs fastest. Call once, at the
/// start of an executable, before any tensor is made and before any thread
/// does BLAS work: the BLAS kernel is chosen here while the process has one
/// thread (the engine would choose it at its first product otherwise).
public func tuneProcessForTraining() {
    BLASLibrary.prepare()
    retainFreedMemory()
    letIdleBLASWorkersSleep()
}

/// Keeps freed tensor memory in the process for the next tensor of the same size.
///
/// A training step frees and reallocates the same large tensors every epoch.
/// glibc's defaults give most of that memory back to the kernel when it is
/// freed (the top of the heap is trimmed; blocks over the dynamic threshold
/// are unmapped), so the next epoch takes it back one page fault at a time, and
/// the kernel zeroes every page. Here blocks up to 32 MiB (a 60000×64 layer)
/// always come from the heap, and up to 1 GiB free at its top is kept. Peak
/// memory is unchanged; the process just gives less back.
///
/// Every thread shares the one main heap: a chapter runs on a thread of its
/// own, and a thread's own heap is made of 64 MiB pieces that glibc unmaps as
/// soon as one is empty, whatever the trim threshold, so each epoch's 30 MB
/// tensors came back as fresh zeroed pages.
func retainFreedMemory() {
    #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        _ = mallopt(M_ARENA_MAX, 1)
    #endif
}

/// Makes OpenBLAS's worker threads sleep as soon as they run out of work.
///
/// By default a worker polls with `sched_yield` for 2²⁸ cycles (about 0.1 s)
/// after each product before it sleeps. Between the products of a training
/// step the engine runs its own element-wise loops on every core, and the
/// polling worker takes a share of one of them. OpenBLAS reads its timeout
/// (`OPENBLAS_THREAD_TIMEOUT`, 2ⁿ cycles, 4 ≤ n ≤ 30) when it starts its workers,
/// which it does when the library loads — before `main` — so this sets the
/// variable, has OpenBLAS read it again, and stops the workers: the next
/// threaded product starts them afresh with the new timeout, as OpenBLAS does
/// after `fork()`. A timeout the user has set is kept.
func letIdleBLASWorkersSleep() {
    setenv("OPENBLAS_THREAD_TIMEOUT", "4", 0)
    openblas_read_env()
    _ = blas_thread_shutdown_()
}
