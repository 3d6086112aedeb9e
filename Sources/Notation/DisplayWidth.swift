/// The columns a text takes on a terminal or in a monospaced font: East Asian
/// wide and fullwidth characters (Chinese, Japanese and Korean ideographs and
/// syllables, fullwidth punctuation, emoji shown as pictures) take two,
/// combining marks and invisible format characters none, others one
/// (UAX #11, East Asian Width). Used to put a caret under the right character
/// and to line up tables whose cells hold such text.
public func displayWidth(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + displayWidth($1) }
}

/// The columns one scalar takes: 0, 1 or 2.
public func displayWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    let value = scalar.value
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// The blocks whose characters are wide (W) or fullwidth (F).
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
    0x3400...0x4DBF,  // CJK unified ideographs extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Khitan, kana supplements
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK unified ideographs extensions B–F, compatibility supplement
    0x30000...0x3FFFD,  // extensions G and H
]
