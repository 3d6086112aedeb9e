import Notation

/// The arguments of a call matched to the function's parameters: positional
/// ones in order, named ones by label (`softmax(x, axis: 1)`).
struct CallArguments {
    let function: String
    let location: SourceLocation
    private var bound: [String: Argument] = [:]

    /// Matches `arguments` to `parameters`, the first `required` of which must
    /// be given. Unknown labels, duplicates and surplus arguments are errors.
    init(
        _ function: String, _ arguments: [Argument], parameters: [String], required: Int = 0,
        at location: SourceLocation
    ) throws {
        self.function = function
        self.location = location
        var position = 0
        for argument in arguments {
            let parameter: String
            if let label = argument.label {
                guard parameters.contains(label) else {
                    let hint = nearestName(to: label, among: parameters).map { "; did you mean '\($0)'?" } ?? ""
                    let list = parameters.isEmpty ? "none" : parameters.joined(separator: ", ")
                    throw RuntimeError(
                        "\(function) has no option '\(label)'\(hint) (options: \(list))",
                        at: argument.location)
                }
                parameter = label
            } else {
                guard position < parameters.count else {
                    throw RuntimeError(
                        "\(function) takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s")"
                            + (parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))"),
                        at: argument.location)
                }
                parameter = parameters[position]
                position += 1
            }
            guard bound[parameter] == nil else {
                throw RuntimeError("\(function): '\(parameter)' is given twice", at: argument.location)
            }
            bound[parameter] = argument
        }
        if let missing = parameters.prefix(required).first(where: { bound[$0] == nil }) {
            throw RuntimeError(
                "\(function) needs '\(missing)' (\(function)(\(parameters.prefix(required).joined(separator: ", "))))",
                at: location)
        }
    }

    subscript(_ parameter: String) -> Argument? { bound[parameter] }
}
