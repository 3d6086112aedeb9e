import Notation
import Runner

/// An optimizer as pages write it.
enum OptimizerText {
    /// Every option: `sgd(lr: 0.1, momentum: 0, dampening: 0)`.
    static func full(_ optimizer: OptimizerSettings) -> String {
        "\(optimizer.name)(\(optimizer.options.map(option).joined(separator: ", ")))"
    }

    /// What fits in a legend: the name, the first option (the learning rate)
    /// and the line of the training; the text beside the figure has the rest.
    static func legend(_ optimizer: OptimizerSettings, line: Int) -> String {
        let label = "\(optimizer.name)(\(optimizer.options.first.map(option) ?? "")) · line \(line)"
        return label.count > 40 ? String(label.prefix(39)) + "…" : label
    }

    /// The options the optimizers read as switches (0 off, 1 on; Learning's
    /// `makeOptimizer`), written as a chapter would write a boolean.
    static let switches: Set<String> = ["nesterov", "centered", "amsgrad"]

    private static func option(_ option: OptimizerSettings.Option) -> String {
        if switches.contains(option.name), option.value == 0 || option.value == 1 {
            return "\(option.name): \(option.value == 1)"
        }
        return "\(option.name): \(NumberText.format(option.value))"
    }
}
