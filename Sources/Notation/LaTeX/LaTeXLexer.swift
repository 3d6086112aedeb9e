/// Splits a formula's LaTeX into tokens, dropping white space and `%` comments,
/// which LaTeX ignores in math.
enum LaTeXLexer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [LaTeXToken] {
        var tokens: [LaTeXToken] = []
        var index = 0
        while index < scalars.count {
            let start = index
            let scalar = scalars[index]
            index += 1
            if scalar.properties.isWhitespace {
                continue
            } else if scalar == "%" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "\\" {
                if index < scalars.count, isASCIILetter(scalars[index]) {
                    while index < scalars.count, isASCIILetter(scalars[index]) { index += 1 }
                } else if index < scalars.count {
                    index += 1
                }
                let name = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
                tokens.append(LaTeXToken(kind: .command(name), range: start..<index))
            } else if isDigit(scalar) {
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                if index + 1 < scalars.count, scalars[index] == ".", isDigit(scalars[index + 1]) {
                    index += 1
                    while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                }
                let digits = String(String.UnicodeScalarView(scalars[start..<index]))
                tokens.append(LaTeXToken(kind: .number(digits), range: start..<index))
            } else if scalar.properties.isAlphabetic {
                tokens.append(LaTeXToken(kind: .letter(scalar), range: start..<index))
            } else {
                tokens.append(LaTeXToken(kind: .character(scalar), range: start..<index))
            }
        }
        return tokens
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
