import Notation
import Runner

/// Which of its three states a statement ended in, as questions a page asks.
extension StatementResult {
    var isFailure: Bool {
        if case .failed = state { return true }
        return false
    }

    var failure: Diagnostic? {
        if case let .failed(d) = state { return d }
        return nil
    }

    var isNotRun: Bool {
        if case .notRun = state { return true }
        return false
    }
}
