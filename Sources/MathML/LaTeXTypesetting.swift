import Foundation
import Notation

/// Prose math outside the LaTeX tutor reads (`l = 1, \dots, L`, `\partial a /
/// \partial z`), typeset as written rather than shown as source: letters,
/// numbers, operators, `^`, `_`, primes, braces, `\frac`, `\sqrt`, accents and
/// the named symbols below. Nothing here is checked, so it only has to look
/// right; a command it does not know leaves the formula to be shown as source.
public enum LaTeXTypesetting {
    /// The `<math>` element, or nil when the LaTeX uses something not handled here.
    public static func mathML(_ latex: String, display: Bool) -> String? {
        // `50{,}890`: the braces only stop TeX from spacing the comma.
        var reader = Reader(Array(latex.replacingOccurrences(of: "{,}", with: ",")))
        guard let body = reader.row(closedBy: nil) else { return nil }
        return MathML.element(body, display: display)
    }

    /// Identifiers besides the Greek letters, which `GreekLetter` draws.
    private static let identifiers: [String: String] = ["infty": "∞"]
    private static let operators: [String: String] = [
        "partial": "∂", "nabla": "∇", "cdot": "⋅", "times": "×", "odot": "⊙", "circ": "∘",
        "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "to": "→", "in": "∈", "sum": "∑", "prod": "∏", "pm": "±", "top": "⊤",
        "dots": "…", "ldots": "…", "cdots": "⋯", "int": "∫",
    ]
    private static let accents: [String: String] = ["hat": MathML.hat, "bar": "¯", "tilde": "~", "vec": "→"]
    /// Functions set upright, as TeX sets them.
    private static let functions: Set<String> = ["log", "ln", "exp", "sin", "cos", "tanh", "max", "min", "arg"]
    /// Delimiter sizes: the delimiter after them is drawn at the size MathML stretches it to.
    private static let sizes: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl",
        "Biggr",
    ]
    /// Styles whose argument is drawn as it is.
    private static let styles: Set<String> = [
        "mathbf", "boldsymbol", "bm", "mathrm", "mathit", "mathcal", "text", "operatorname",
    ]

    /// Deeper braces and commands are not typeset: the reader recurses as they
    /// nest, and an author's 20,000 nested `\frac` must not exhaust the stack.
    static let deepest = 200

    private struct Reader {
        let text: [Character]
        var position = 0
        var depth = 0

        init(_ text: [Character]) { self.text = text }

        /// Items up to `close` (or the end), with scripts attached to the item before them.
        mutating func row(closedBy close: Character?) -> String? {
            var items: [String] = []
            while position < text.count {
                let c = text[position]
                if c == close { position += 1; return "<mrow>" + items.joined() + "</mrow>" }
                if c == "}" { return nil }
                if c == " " { position += 1; continue }
                if "^_'".contains(c) {
                    guard let base = items.popLast(), let scripted = scripts(on: base) else { return nil }
                    items.append(scripted)
                    continue
                }
                guard let item = atom() else { return nil }
                items.append(item)
            }
            return close == nil ? "<mrow>" + items.joined() + "</mrow>" : nil
        }

        /// `x_i`, `x^2`, `x_i^2`, `f'`, `w^*`.
        private mutating func scripts(on base: String) -> String? {
            var base = base, sub: String?, sup: String?
            while position < text.count, "^_'".contains(text[position]) {
                let mark = text[position]
                position += 1
                if mark == "'" { base = "<mrow>" + base + MathML.prime + "</mrow>"; continue }
                guard let script = atom() else { return nil }
                if mark == "_" { sub = script } else { sup = script }
            }
            switch (sub, sup) {
            case let (sub?, sup?): return "<msubsup>" + base + sub + sup + "</msubsup>"
            case let (sub?, nil): return "<msub>" + base + sub + "</msub>"
            case let (nil, sup?): return "<msup>" + base + sup + "</msup>"
            case (nil, nil): return base
            }
        }

        private mutating func atom() -> String? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= LaTeXTypesetting.deepest else { return nil }
            while position < text.count, text[position] == " " { position += 1 }
            guard position < text.count else { return nil }
            let c = text[position]
            position += 1
            if c == "{" { return row(closedBy: "}") }
            if c == "\\" { return command() }
            if c.isNumber {
                var digits = String(c)
                while position < text.count {
                    let next = text[position]
                    let separated =
                        (next == "." || next == ",") && position + 1 < text.count && text[position + 1].isNumber
                    guard next.isNumber || separated else { break }
                    digits.append(next)
                    position += 1
                }
                return "<mn>" + digits + "</mn>"
            }
            if c.isLetter { return mi(String(c)) }
            switch c {
            case "-": return mo("−")
            case "*": return mo("∗")
            // A slash between terms is ordinary in TeX: no space around it.
            case "/": return "<mo lspace=\"0\" rspace=\"0\">/</mo>"
            default: return mo(String(c))
            }
        }

        private mutating func command() -> String? {
            var name = ""
            while position < text.count, text[position].isLetter {
                name.append(text[position])
                position += 1
            }
            if name.isEmpty, position < text.count {
                let symbol = text[position]
                position += 1
                switch symbol {
                case ",", ";", ":": return "<mspace width=\"0.2em\"/>"
                case "{", "}", "|", "%", "#", "_": return mo(String(symbol))
                default: return nil
                }
            }
            if let letter = GreekLetter.glyph(forCommand: name) {
                // Capital Greek letters are upright.
                return GreekLetter.isUpright(name) ? "<mi mathvariant=\"normal\">\(letter)</mi>" : mi(String(letter))
            }
            if let letter = LaTeXTypesetting.identifiers[name] { return mi(letter) }
            if let symbol = LaTeXTypesetting.operators[name] { return mo(symbol) }
            if let accent = LaTeXTypesetting.accents[name], let base = atom() {
                return "<mover accent=\"true\">" + base + mo(accent) + "</mover>"
            }
            if LaTeXTypesetting.functions.contains(name) { return mi(name) }
            if LaTeXTypesetting.sizes.contains(name) {
                while position < text.count, text[position] == " " { position += 1 }
                // `\right.` closes nothing that is drawn.
                if position < text.count, text[position] == "." { position += 1; return "<mrow></mrow>" }
                return atom()
            }
            if LaTeXTypesetting.styles.contains(name) { return atom() }
            switch name {
            case "frac", "dfrac", "tfrac":
                guard let numerator = atom(), let denominator = atom() else { return nil }
                return "<mfrac>" + numerator + denominator + "</mfrac>"
            case "sqrt":
                return atom().map { "<msqrt>" + $0 + "</msqrt>" }
            default:
                return nil
            }
        }

        private func mi(_ text: String) -> String { "<mi>" + Escaping.text(text) + "</mi>" }
        private func mo(_ text: String) -> String { "<mo>" + Escaping.text(text) + "</mo>" }
    }
}
