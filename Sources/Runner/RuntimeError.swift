import Notation

/// A statement that cannot run as written: a message and where in the source.
struct RuntimeError: Error {
    var message: String
    var location: SourceLocation
    /// For a formula's error: what was decided, for results to carry as data.
    var failure: FormulaFailure?

    init(_ message: String, at location: SourceLocation, failure: FormulaFailure? = nil) {
        self.message = message
        self.location = location
        self.failure = failure
    }
}

/// The chapter ran past its time limit; reported at the running statement.
struct TimeLimitExceeded: Error {}

/// Runs `body`, turning the engine's and the data readers' errors into located
/// runtime errors at `location`.
func located<T>(at location: SourceLocation, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RuntimeError {
        throw error
    } catch let error as TimeLimitExceeded {
        throw error
    } catch let error as Diagnostic {
        throw RuntimeError(error.message, at: error.location)
    } catch {
        throw RuntimeError("\(error)", at: location)
    }
}
