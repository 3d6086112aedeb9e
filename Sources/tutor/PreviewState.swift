import Foundation

/// What the preview server tells open pages: the number of the latest
/// rendering (0 before the first one ends) and, when that rendering could not
/// make the book at all, why — shown in place of the book's pages, which are
/// then those of an earlier rendering.
final class PreviewState: @unchecked Sendable {
    private let condition = NSCondition()
    private var version = 0
    private var failure: [String]?

    var current: (version: Int, failure: [String]?) {
        condition.lock(); defer { condition.unlock() }
        return (version, failure)
    }

    /// A rendering ended: pages showing an earlier one reload.
    func publish(failure: [String]?) {
        condition.lock()
        version += 1
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The version once it is past `seen`, or nil when `seconds` passed first.
    func version(after seen: Int, waiting seconds: Double) -> Int? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock(); defer { condition.unlock() }
        while version <= seen, condition.wait(until: deadline) {}
        return version > seen ? version : nil
    }
}
