import Runner

/// A training log short enough to read beside its curve: up to twelve entries
/// as they are, otherwise the first six and the last five with a gap (`nil`).
enum TrainingLog {
    static func abbreviated(_ log: [TrainingResult.Entry]) -> [TrainingResult.Entry?] {
        guard log.count > 12 else { return log }
        return Array(log.prefix(6)) + [nil] + Array(log.suffix(5))
    }
}
