/// An algorithm row's `\textbf{if}` test that did not come out as the row's
/// branch says, with the values it was decided on.
public struct UnmetTest: Sendable, Codable, Equatable {
    /// A value the test was decided on.
    public enum Value: Sendable, Codable, Equatable {
        /// A side of a comparison that names a value: `t = 3`.
        case number(name: String, value: Double)
        /// An option of the optimizer: `nesterov = false`.
        case flag(name: String, isSet: Bool)
        /// A flag tutor's optimizers always have unset (`maximize`): they minimise.
        case minimises
    }

    /// The test as written.
    public var source: String
    /// True when the test holds and the row is on its `\textbf{else}` branch;
    /// false when the test is false.
    public var holds: Bool
    public var values: [Value]

    public init(source: String, holds: Bool, values: [Value]) {
        self.source = source
        self.holds = holds
        self.values = values
    }
}
