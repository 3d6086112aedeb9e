/// How long and in what portions `train` runs, and what it records:
/// `train 5 epochs, batch 32, log every 1, record acc`.
public struct TrainingSchedule: Hashable, Sendable, Codable {
    public var epochs: Int
    /// Examples per step; nil trains on the full batch.
    public var batchSize: Int?
    /// Epochs between logged losses; nil leaves the choice to the runner.
    public var logEvery: Int?
    /// `record acc`: values evaluated at every logged epoch, for `plot line … over epochs`.
    public var recorded: [Expr]

    public init(epochs: Int, batchSize: Int? = nil, logEvery: Int? = nil, recorded: [Expr] = []) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.logEvery = logEvery
        self.recorded = recorded
    }
}
