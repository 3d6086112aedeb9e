/// An optimizer as a training used it: its name and every option's value,
/// in the optimizer's own order. Render writes it (`sgd(lr: 0.1, momentum: 0)`).
public struct OptimizerSettings: Sendable, Codable, Equatable {
    public struct Option: Sendable, Codable, Equatable {
        public var name: String
        public var value: Double

        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    public var name: String
    public var options: [Option]

    public init(name: String, options: [Option] = []) {
        self.name = name
        self.options = options
    }
}
