/// The candidate closest to a misspelled `name`, for "did you mean …?" messages;
/// nil when none is close enough to be a plausible typo.
///
/// Closeness is the optimal-string-alignment distance (Levenshtein, plus swapping
/// two neighbours as one edit, so `tarin` is one edit from `train`). By default a
/// candidate qualifies within one edit per three characters of `name`, at least one.
/// Ties go to the earlier candidate. Names longer than `nearestNameMaximumLength`
/// get no suggestion: the comparison is quadratic in the length, and a
/// 200,000-letter name is no typo.
public func nearestName(
    to name: String, among candidates: some Sequence<String>,
    maximumDistance: Int? = nil
) -> String? {
    let length = name.unicodeScalars.count
    guard length <= nearestNameMaximumLength else { return nil }
    let limit = maximumDistance ?? max(1, length / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
        // The distance is at least the difference in length: skip hopeless
        // candidates before the quadratic comparison (a misspelling may be huge).
        guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
        let distance = editDistance(name, candidate)
        if distance <= limit, distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

public let nearestNameMaximumLength = 100

/// Optimal-string-alignment distance between `a` and `b`, counted in Unicode scalars:
/// insertions, deletions, substitutions and transpositions of adjacent scalars.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    // Three rows of the dynamic-programming table: two back, one back, current.
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previousPrevious[j - 2] + 1)
            }
        }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
}
