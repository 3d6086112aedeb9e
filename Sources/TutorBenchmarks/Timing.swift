import Glibc

/// Seconds on the monotonic clock (never steps back, unlike wall time).
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// The shortest of `repetitions` runs of `body`, after one untimed warm-up run.
///
/// The minimum is the run least disturbed by other work on the machine.
func bestTime(repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = monotonicSeconds()
        try body()
        best = min(best, monotonicSeconds() - start)
    }
    return best
}
