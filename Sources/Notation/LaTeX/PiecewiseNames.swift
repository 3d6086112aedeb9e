/// The calls the formula reader makes of an indicator and a `cases` block, as
/// `SumLimits` names a sum's labels: `𝟙(z > 0)` is a call of one comparison;
/// `cases` alternates each case's value and its condition, the last condition
/// of an `otherwise` row labelled so.
public enum PiecewiseNames {
    public static let indicator = "𝟙"
    public static let cases = "cases"
    public static let otherwise = "otherwise"
}
