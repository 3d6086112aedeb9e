/// How far apart two numbers may be and still agree: |a − b| ≤ absolute + relative·|b|,
/// b being the reference (a formula's right side, a finite difference, an expected value).
public struct Tolerance: Sendable, Codable, Equatable {
    public var absolute: Double
    public var relative: Double

    public init(absolute: Double, relative: Double = 0) {
        self.absolute = absolute
        self.relative = relative
    }

    /// A formula check's default (docs/chapter-format.md, Formulas).
    public static let formula = Tolerance(absolute: 1e-10, relative: 1e-7)
}
