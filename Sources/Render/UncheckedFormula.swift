import Chapter

/// The words beside a display formula marked `<!-- tutor: show -->`.
enum UncheckedFormula {
    static let badge = "○ not checked"
    static let sentence = "shown as written; tutor does not check this formula"
}
