/// An accent over a letter of a formula (`\hat{y}`), joined to the letter's name as
/// the combining mark Unicode gives it.
enum Accent: CaseIterable {
    case hat, bar, tilde, vector, dot

    /// `hat` for `\hat` and `\widehat`, …
    init?(command: String) {
        switch command {
        case "hat", "widehat": self = .hat
        case "bar", "overline": self = .bar
        case "tilde", "widetilde": self = .tilde
        case "vec": self = .vector
        case "dot": self = .dot
        default: return nil
        }
    }

    init?(combiningMark: Unicode.Scalar) {
        guard let accent = Accent.allCases.first(where: { $0.combiningMark == combiningMark }) else { return nil }
        self = accent
    }

    var combiningMark: Unicode.Scalar {
        switch self {
        case .hat: return "\u{302}"
        case .bar: return "\u{304}"
        case .tilde: return "\u{303}"
        case .vector: return "\u{20D7}"
        case .dot: return "\u{307}"
        }
    }

    /// The character drawn over the letter: MathML's `<mover>` accent.
    var mark: String {
        switch self {
        case .hat: return "^"
        case .bar: return "\u{AF}"
        case .tilde: return "~"
        case .vector: return "\u{2192}"
        case .dot: return "\u{2D9}"
        }
    }

    /// The ASCII spelling after the letter: `y_hat`.
    var suffix: String {
        switch self {
        case .hat: return "hat"
        case .bar: return "bar"
        case .tilde: return "tilde"
        case .vector: return "vec"
        case .dot: return "dot"
        }
    }
}
