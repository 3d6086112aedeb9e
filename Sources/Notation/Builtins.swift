/// The names the notation gives meaning to, by kind.
///
/// The parser accepts any name in a call; the runner checks calls against these
/// lists and, with `nearestName(to:among:)`, suggests the intended one.
public enum Builtins {
    /// Element-wise and reducing functions of values.
    public static let functions = [
        "exp", "log", "sqrt", "abs", "sigmoid", "tanh", "relu", "softmax", "log_softmax",
        "sum", "mean", "max", "min", "argmax", "onehot", "grad", "value",
        "round", "sign", "rows", "cols", "accuracy",
    ]
    /// Functions that make new matrices.
    public static let constructors = ["randn", "rand", "zeros", "ones", "eye", "linspace"]
    public static let losses = ["mse", "cross_entropy", "bce", "bce_with_logits"]
    public static let optimizers = ["sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam", "adamw"]
    public static let dataSets = ["fashion_mnist", "idx", "csv"]
    public static let layers = ["dense"]
    /// Activations a `dense` layer accepts by name.
    public static let activations = ["relu", "sigmoid", "tanh", "identity", "linear", "softmax"]

    /// Every name that may be called, each once, in the order of the lists above.
    public static let callableNames: [String] = {
        var seen = Set<String>()
        return (functions + constructors + losses + optimizers + dataSets + layers + activations)
            .filter { seen.insert($0).inserted }
    }()
}
