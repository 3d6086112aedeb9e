/// How long and in what portions `train` runs: `train 5 epochs, batch 32, log every 1`.
public struct TrainingSchedule: Hashable, Sendable, Codable {
    public var epochs: Int
    /// Examples per step; nil trains on the full batch.
    public var batchSize: Int?
    /// Epochs between logged losses; nil leaves the choice to the runner.
    public var logEvery: Int?

    public init(epochs: Int, batchSize: Int? = nil, logEvery: Int? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.logEvery = logEvery
    }
}
