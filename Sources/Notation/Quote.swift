/// Source text quoted for an error message: `'net.1.W'`.
///
/// Cut after 40 scalars (`'θθθ…'`), so that a megabyte-long name or expression
/// gives a readable message rather than a megabyte of it.
func quote(_ text: some CustomStringConvertible) -> String {
    let scalars = text.description.unicodeScalars
    guard scalars.count > 40 else { return "'\(text)'" }
    return "'" + String(String.UnicodeScalarView(scalars.prefix(40))) + "…'"
}
