import ArgumentParser
import Runner

extension ExitCode {
    /// How a book's run ends: 0 when it passed (an expected failure counts as
    /// passed), 1 when a check failed or an erratum unexpectedly held, 2 when a
    /// chapter had an error.
    init(_ result: BookResult) {
        switch result.status {
        case .passed: self = .success
        case .failed: self.init(1)
        case .error: self.init(2)
        }
    }
}
