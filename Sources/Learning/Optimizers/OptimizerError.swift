/// A mistake in how an optimizer was chosen, configured or used.
public enum OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A name that is not an optimizer; `valid` may be empty when the caller
    /// keeps the list of names.
    case unknownOptimizer(name: String, suggestion: String?, valid: [String])
    /// An option the optimizer does not have.
    case unknownOption(optimizer: String, option: String, suggestion: String?, valid: [String])
    /// An option outside the values PyTorch accepts.
    case invalidOption(optimizer: String, option: String, value: Double, requirement: String)
    /// Arguments that do not fit together (a missing or repeated learning rate, …).
    case invalidArguments(optimizer: String, message: String)
    /// Parameters and gradients that disagree in count or shape.
    case parameterMismatch(optimizer: String, message: String)

    public var description: String {
        switch self {
        case let .unknownOptimizer(name, suggestion, valid):
            return "unknown optimizer '\(name)'" + Self.hint(suggestion)
                + (valid.isEmpty ? "" : "; the optimizers are " + valid.joined(separator: ", "))
        case let .unknownOption(optimizer, option, suggestion, valid):
            return "\(optimizer) has no option '\(option)'" + Self.hint(suggestion)
                + "; its options are " + valid.joined(separator: ", ")
        case let .invalidOption(optimizer, option, value, requirement):
            return "\(optimizer): \(option) must be \(requirement), got \(value)"
        case let .invalidArguments(optimizer, message), let .parameterMismatch(optimizer, message):
            return "\(optimizer): \(message)"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

extension OptimizerError {
    /// Refuses a negative or NaN `value`, as PyTorch's constructors do.
    static func requireNonNegative(_ value: Double, _ option: String, in optimizer: String) throws {
        guard value >= 0 else {
            throw OptimizerError.invalidOption(
                optimizer: optimizer, option: option, value: value,
                requirement: "at least 0")
        }
    }

    /// Refuses a decay rate outside [0, 1), where a running average would not forget.
    static func requireUnitInterval(_ value: Double, _ option: String, in optimizer: String) throws {
        guard value >= 0, value < 1 else {
            throw OptimizerError.invalidOption(
                optimizer: optimizer, option: option, value: value,
                requirement: "in [0, 1)")
        }
    }
}
