/// The smallest meaningful piece of a formula's LaTeX.
struct LaTeXToken: Equatable {
    enum Kind: Hashable {
        /// `\frac` is `frac`; a backslash and one other character (`\,`, `\{`, `\\`)
        /// is that character.
        case command(String)
        /// One letter: `Wx` is two symbols, as LaTeX typesets it.
        case letter(Unicode.Scalar)
        /// Digits with at most one decimal point.
        case number(String)
        case character(Unicode.Scalar)
        /// The end of the equation.
        case end
    }

    var kind: Kind
    /// Offsets into the formula's scalars.
    var range: Range<Int>

    func isCommand(_ name: String) -> Bool { kind == .command(name) }
    func isCharacter(_ character: Unicode.Scalar) -> Bool { kind == .character(character) }

    var isLetter: Bool {
        if case .letter = kind { return true } else { return false }
    }

    var isNumber: Bool {
        if case .number = kind { return true } else { return false }
    }

    /// How an error message names the token: `'\cdot'`, `'x'`, `the end of the equation`.
    var quoted: String {
        switch kind {
        case .command(let name): return "'\\\(name)'"
        case .letter(let scalar), .character(let scalar): return "'\(scalar)'"
        case .number(let digits): return "'\(digits)'"
        case .end: return "the end of the equation"
        }
    }
}
