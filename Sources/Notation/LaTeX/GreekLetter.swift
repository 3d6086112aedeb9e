/// The Greek letters a formula may use, by LaTeX command, with the Unicode letter
/// that is their name and the ASCII spelling that is their alias.
enum GreekLetter {
    /// `\eta` → `η`. Variant glyphs name the same letter.
    static func letter(forCommand command: String) -> Unicode.Scalar? {
        byCommand[command]
    }

    /// `η` → `eta`; nil for anything but a Greek letter of the table.
    static func asciiName(of scalar: Unicode.Scalar) -> String? {
        byLetter[scalar]
    }

    private static let table: [(command: String, letter: Unicode.Scalar)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ε"),
        ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("iota", "ι"), ("kappa", "κ"),
        ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("pi", "π"), ("rho", "ρ"),
        ("sigma", "σ"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "φ"), ("chi", "χ"),
        ("psi", "ψ"), ("omega", "ω"),
        // Not Greek, but a letter command all the same: ℓ, a loss.
        ("ell", "ℓ"),
        ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
        ("Pi", "Π"), ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
    ]

    private static let variants: [String: String] = [
        "varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varrho": "rho",
        "varpi": "pi", "varsigma": "sigma",
    ]

    private static let byCommand: [String: Unicode.Scalar] = {
        var result = Dictionary(uniqueKeysWithValues: table.map { ($0.command, $0.letter) })
        for (variant, letter) in variants { result[variant] = result[letter] }
        return result
    }()

    private static let byLetter: [Unicode.Scalar: String] =
        Dictionary(uniqueKeysWithValues: table.map { ($0.letter, $0.command) })
}
