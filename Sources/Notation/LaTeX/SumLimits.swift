/// The labels of a formula's `sum` call that carry what `\sum_{i=1}^{N}` wrote
/// under and over the sign: the index, its first and its last value. The term
/// is the one unlabelled argument.
public enum SumLimits {
    public static let index = "index"
    public static let lower = "from"
    public static let upper = "to"
}
