/// Text made safe for HTML, SVG and XML alike, in element content and in
/// quoted attribute values: pages must parse as XML, so only the five
/// predefined entities are used and control characters are dropped. It lives
/// here, below every module that writes markup (prose, formulas, pages).
public enum XMLEscaping {
    /// Escaped scalar by scalar: a combining mark after a `"` would hide it
    /// from a match by Characters.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
