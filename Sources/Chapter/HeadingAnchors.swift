/// Gives each heading an `id` made from its text, unique within one chapter.
///
/// A slug keeps letters and digits of any script, lowercased, and joins words
/// with `-`; a repeat gets `-1`, `-2`, … (skipping any already taken), as GitHub does.
struct HeadingAnchors {
    private var taken: Set<String> = []
    /// The last suffix given to each slug, so that 40,000 equal headings take
    /// linear time: the search for a free suffix resumes where it stopped.
    private var lastSuffix: [String: Int] = [:]

    mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = lastSuffix[base] ?? 0
        if suffix > 0 { candidate = "\(base)-\(suffix)" }
        while taken.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        lastSuffix[base] = suffix
        taken.insert(candidate)
        return candidate
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSeparator, !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingSeparator = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
