/// The Greek letters of LaTeX, by command: the letter that is their name in a
/// formula, the glyph LaTeX draws, and the ASCII spelling that is their alias.
/// The formula reader names symbols by this table and every page draws by it.
public enum GreekLetter {
    /// `\eta` → `η`. A variant names the same letter as its plain form
    /// (`\varepsilon` and `\epsilon` are both `ε`), so a `where` binding, a
    /// statement's name and the formula agree whichever the author wrote.
    static func letter(forCommand command: String) -> Unicode.Scalar? {
        byCommand[command]?.letter
    }

    /// What LaTeX draws for the command: `\epsilon` is the lunate ϵ (U+03F5)
    /// and `\varepsilon` the ε (U+03B5), `\phi` is ϕ (U+03D5) and `\varphi` φ
    /// (U+03C6), as in Knuth's fonts and unicode-math.
    public static func glyph(forCommand command: String) -> Unicode.Scalar? {
        byCommand[command]?.glyph
    }

    /// Whether LaTeX sets the command's letter upright: the capitals are.
    public static func isUpright(_ command: String) -> Bool {
        byCommand[command].map { $0.letter.properties.isUppercase } ?? false
    }

    /// `η` → `eta`; nil for anything but a Greek letter of the table.
    static func asciiName(of scalar: Unicode.Scalar) -> String? {
        byLetter[scalar]
    }

    /// The glyphs a symbol's LaTeX draws in place of the letters of its name:
    /// `ε` → `ϵ` for `\hat{\epsilon}_t`; empty when it wrote no variant.
    static func glyphs(spelledIn latex: String) -> [Unicode.Scalar: Unicode.Scalar] {
        var glyphs: [Unicode.Scalar: Unicode.Scalar] = [:]
        var command: String?
        for scalar in latex.unicodeScalars + [" "] {
            if command != nil, scalar.properties.isAlphabetic, scalar.isASCII {
                command?.unicodeScalars.append(scalar)
                continue
            }
            if let name = command, let entry = byCommand[name], entry.glyph != entry.letter {
                glyphs[entry.letter] = entry.glyph
            }
            command = scalar == "\\" ? "" : nil
        }
        return glyphs
    }

    /// Each command with the letter it names; the glyph is the letter's own
    /// unless a third is given.
    private static let table: [(command: String, letter: Unicode.Scalar, glyph: Unicode.Scalar?)] = [
        ("alpha", "α", nil), ("beta", "β", nil), ("gamma", "γ", nil), ("delta", "δ", nil),
        ("epsilon", "ε", "ϵ"), ("varepsilon", "ε", nil), ("zeta", "ζ", nil), ("eta", "η", nil),
        ("theta", "θ", nil), ("vartheta", "θ", "ϑ"), ("iota", "ι", nil), ("kappa", "κ", nil),
        ("lambda", "λ", nil), ("mu", "μ", nil), ("nu", "ν", nil), ("xi", "ξ", nil),
        ("pi", "π", nil), ("varpi", "π", "ϖ"), ("rho", "ρ", nil), ("varrho", "ρ", "ϱ"),
        ("sigma", "σ", nil), ("varsigma", "σ", "ς"), ("tau", "τ", nil), ("upsilon", "υ", nil),
        ("phi", "φ", "ϕ"), ("varphi", "φ", nil), ("chi", "χ", nil), ("psi", "ψ", nil), ("omega", "ω", nil),
        // Not Greek, but a letter command all the same: ℓ, a loss.
        ("ell", "ℓ", nil),
        ("Gamma", "Γ", nil), ("Delta", "Δ", nil), ("Theta", "Θ", nil), ("Lambda", "Λ", nil), ("Xi", "Ξ", nil),
        ("Pi", "Π", nil), ("Sigma", "Σ", nil), ("Upsilon", "Υ", nil), ("Phi", "Φ", nil), ("Psi", "Ψ", nil),
        ("Omega", "Ω", nil),
    ]

    private static let byCommand: [String: (letter: Unicode.Scalar, glyph: Unicode.Scalar)] =
        Dictionary(uniqueKeysWithValues: table.map { ($0.command, ($0.letter, $0.glyph ?? $0.letter)) })

    /// A letter's ASCII name is its plain command's: `ε` is `epsilon`.
    private static let byLetter: [Unicode.Scalar: String] =
        Dictionary(table.map { ($0.letter, $0.command) }, uniquingKeysWith: { plain, _ in plain })
}
