/// Text placed into GitHub-flavoured Markdown so it reads as written: the
/// characters Markdown would take as markup are escaped, and code spans and
/// fences are made longer than any run of backticks inside them.
enum MarkdownText {
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#$~".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    static func code(_ s: String) -> String {
        let ticks = String(repeating: "`", count: longestBacktickRun(s) + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return ticks + pad + s.replacingOccurrences(of: "\n", with: " ") + pad + ticks
    }

    static func fence(_ s: String, language: String) -> String {
        let ticks = String(repeating: "`", count: max(3, longestBacktickRun(s) + 1))
        let body = s.hasSuffix("\n") || s.isEmpty ? s : s + "\n"
        return "\(ticks)\(language)\n\(body)\(ticks)\n"
    }

    private static func longestBacktickRun(_ s: String) -> Int {
        var longest = 0, run = 0
        for c in s {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
