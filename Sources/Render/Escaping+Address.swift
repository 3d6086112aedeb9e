import MathML

/// Addresses made from names an author chose (a chapter's file name).
extension Escaping {
    /// `name` as a relative address: every byte outside letters, digits and
    /// `-._~` is percent-encoded, so no name can start a scheme
    /// (`javascript:…` becomes `javascript%3A…`, a file in this folder) or
    /// leave the folder. Ordinary page names come out unchanged.
    static func relativeAddress(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
