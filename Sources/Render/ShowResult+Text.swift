import Notation
import Runner

extension ShowResult {
    /// An entry as a page writes it: `true` or `false` for a boolean value,
    /// 4 significant digits otherwise.
    func text(_ entry: Double) -> String {
        guard isBoolean else { return NumberText.format(entry) }
        return entry == 1 ? "true" : entry == 0 ? "false" : NumberText.format(entry)
    }
}
