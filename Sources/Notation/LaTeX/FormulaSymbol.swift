/// A name as a formula writes it, before the formula's meaning says which value it
/// denotes: `W^{(l+1)}`, `\theta_{t+1}`, `\hat{m}_t`, `w_{ij}`.
///
/// Naming rules, so that a `where` clause, a statement and the formula agree:
/// - Greek letters name themselves in Unicode (`\eta` is `η`); `asciiName` spells
///   them out (`eta`). Variant forms are the same letter (`\varepsilon` and
///   `\epsilon` are both `ε`, `\varphi` and `\phi` both `φ`), drawn as LaTeX
///   draws each (`typesetName`).
/// - An accent follows its letter as a combining mark (`\hat{m}` is `m̂`, `\bar{x}`
///   is `x̄`); Swift compares strings by canonical equivalence, so a precomposed
///   `ŷ` typed elsewhere is the same name. `asciiName` writes it as a suffix (`m_hat`).
/// - A subscript joins the name with `_` (`w_{ij}` is `w_ij`, `w_{\text{new}}` is
///   `w_new`), except a time subscript `t`, `t+k` or `t-k`, which becomes `step`.
public struct FormulaSymbol: Hashable, Sendable, Codable {
    /// How a layer superscript was bracketed, so the rendering matches the source.
    public enum LayerBrackets: Hashable, Sendable, Codable {
        case parentheses
        case squareBrackets
        /// Nielsen's `w^l`, `a^{l-1}`: a layer only where the formula's meaning
        /// says the letter is a layer symbol of a model; a power otherwise.
        case bare
    }

    /// The letter, its accent and its subscript: `W`, `θ`, `m̂`, `w_ij`, `β_1`.
    public var name: String
    /// The layer index of `W^{(l+1)}` or `a^{[l-1]}`, an expression over names such as
    /// `l` and `L`; nil when the symbol has no layer superscript.
    public var layer: Expr?
    public var layerBrackets: LayerBrackets
    /// Component indices written after a layer superscript: `j` of `\delta^l_j`,
    /// `j`, `k` of `w^l_{jk}`. The symbol names one entry of the layer's value.
    public var components: [String]
    /// The time subscript as an offset from `t`: `_t` is 0, `_{t+1}` is 1, `_{t-1}` is -1.
    /// Whether it means "after the step" is for the formula's meaning to decide.
    public var step: Int?
    /// The LaTeX the symbol was read from, for messages.
    public var latex: String

    public init(
        name: String, layer: Expr? = nil, layerBrackets: LayerBrackets = .parentheses,
        step: Int? = nil, components: [String] = [], latex: String
    ) {
        self.name = name
        self.layer = layer
        self.components = components
        self.layerBrackets = layerBrackets
        self.step = step
        self.latex = latex
    }

    /// The whole value the symbol is an entry of: `\delta^l` for `\delta^l_j`.
    public var withoutComponents: FormulaSymbol {
        var whole = self
        whole.components = []
        return whole
    }

    /// The name in ASCII: Greek letters spelled out, accents as suffixes.
    /// `η` is `eta`, `m̂` is `m_hat`, `β_1` is `beta_1`, `x̄` is `x_bar`.
    public var asciiName: String {
        var result = ""
        for scalar in name.unicodeScalars {
            if let letter = GreekLetter.asciiName(of: scalar) {
                result += letter
            } else if let accent = Accent(combiningMark: scalar) {
                result += "_" + accent.suffix
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The name as it is typeset: its letters in the glyphs its LaTeX draws
    /// (`\epsilon` is named ε and drawn ϵ), the mark drawn over them (`^` for
    /// `m̂`) and the subscript after the first `_` (`ij` for `w_ij`).
    public var typesetName: (base: String, accent: String?, subscript: String?) {
        let glyphs = GreekLetter.glyphs(spelledIn: latex)
        var drawn = ""
        for scalar in name.unicodeScalars { drawn.unicodeScalars.append(glyphs[scalar] ?? scalar) }
        let parts = drawn.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        var base = ""
        var accent: String?
        for scalar in parts[0].unicodeScalars {
            if let mark = Accent(combiningMark: scalar)?.mark {
                accent = mark
            } else {
                base.unicodeScalars.append(scalar)
            }
        }
        return (base, accent, parts.count > 1 ? String(parts[1]) : nil)
    }
}
