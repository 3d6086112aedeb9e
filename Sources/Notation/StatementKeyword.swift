/// The words that begin a statement.
///
/// They are not reserved: `loss` or `data` may still name values inside expressions.
public enum StatementKeyword: String, Hashable, Sendable, CaseIterable {
    case seed, `let`, param, data, model, loss, optimizer, train, step, check, expect, show, plot,
        erratum, correction, end, notation
}
