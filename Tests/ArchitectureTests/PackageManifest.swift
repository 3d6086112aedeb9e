/// The targets a `Package.swift` declares, read from its text: just enough of
/// Swift's syntax for the calls a manifest makes (`.target(name:dependencies:
/// path:exclude:)` and its kin), so that no test has to run SwiftPM.
struct PackageManifest: Equatable {
    enum Kind: String, CaseIterable {
        case systemLibrary, target, executableTarget, testTarget
    }

    struct Target: Equatable {
        var name: String
        var kind: Kind
        /// Module names: the package's own targets, and products of other packages by their names.
        var dependencies: [String]
        var path: String? = nil
        var exclude: [String] = []

        /// The folder of the target's sources, relative to the package.
        var folder: String { path ?? (kind == .testTarget ? "Tests/" : "Sources/") + name }
    }

    var targets: [Target]

    init(targets: [Target]) { self.targets = targets }

    init(text: String) {
        let code = Array(PackageManifest.removingComments(text))
        var targets: [Target] = []
        var position = 0
        while position < code.count {
            guard code[position] == ".", let (kind, open) = PackageManifest.call(in: code, at: position + 1),
                let close = PackageManifest.closing(code, from: open)
            else {
                position = PackageManifest.skipString(code, at: position)
                continue
            }
            let arguments = PackageManifest.labeledArguments(String(code[(open + 1)..<close]))
            if let name = arguments["name"].flatMap(PackageManifest.stringLiteral) {
                targets.append(
                    Target(
                        name: name, kind: kind,
                        dependencies: PackageManifest.elements(arguments["dependencies"]).compactMap(
                            PackageManifest.moduleName),
                        path: arguments["path"].flatMap(PackageManifest.stringLiteral),
                        exclude: PackageManifest.elements(arguments["exclude"]).compactMap(
                            PackageManifest.stringLiteral)))
            }
            // A target's own dependencies (`.target(name:)` among them) are not targets.
            position = close + 1
        }
        self.targets = targets
    }

    subscript(name: String) -> Target? { targets.first { $0.name == name } }

    // MARK: Reading the text

    /// `target(`, `testTarget(`… at `start`: the kind and the position of the parenthesis.
    private static func call(in code: [Character], at start: Int) -> (Kind, Int)? {
        var end = start
        while end < code.count, code[end].isLetter { end += 1 }
        guard end < code.count, code[end] == "(", let kind = Kind(rawValue: String(code[start..<end])) else {
            return nil
        }
        return (kind, end)
    }

    /// The position of the bracket that closes the one at `open`, strings skipped.
    private static func closing(_ code: [Character], from open: Int) -> Int? {
        var depth = 0, position = open
        while position < code.count {
            switch code[position] {
            case "(", "[": depth += 1
            case ")", "]":
                depth -= 1
                if depth == 0 { return position }
            case "\"": position = skipString(code, at: position) - 1
            default: break
            }
            position += 1
        }
        return nil
    }

    /// The position after the string literal starting at `start`, or after `start` when none does.
    private static func skipString(_ code: [Character], at start: Int) -> Int {
        guard code[start] == "\"" else { return start + 1 }
        var position = start + 1
        while position < code.count, code[position] != "\"" {
            position += code[position] == "\\" ? 2 : 1
        }
        return position + 1
    }

    /// The text without `//` comments; a `//` inside a string (a URL) stays.
    static func removingComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let characters = Array(line)
            var position = 0
            while position < characters.count {
                if characters[position] == "\"" {
                    position = skipString(characters, at: position)
                } else if characters[position] == "/", position + 1 < characters.count, characters[position + 1] == "/"
                {
                    return line.prefix(position)
                } else {
                    position += 1
                }
            }
            return line
        }.joined(separator: "\n")
    }

    /// The comma-separated parts of `text` outside brackets and strings.
    static func topLevelParts(_ text: String) -> [String] {
        let code = Array(text)
        var parts: [String] = [], start = 0, depth = 0, position = 0
        while position < code.count {
            switch code[position] {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "\"": position = skipString(code, at: position); continue
            case "," where depth == 0:
                parts.append(String(code[start..<position]))
                start = position + 1
            default: break
            }
            position += 1
        }
        parts.append(String(code[start..<code.count]))
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `name: "X", dependencies: […]` as label → value text.
    private static func labeledArguments(_ text: String) -> [String: String] {
        var arguments: [String: String] = [:]
        for part in topLevelParts(text) {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let label = part[..<colon].trimmingWhitespace()
            guard !label.isEmpty, label.allSatisfy({ $0.isLetter }) else { continue }
            arguments[label] = part[part.index(after: colon)...].trimmingWhitespace()
        }
        return arguments
    }

    /// The elements of an array literal.
    private static func elements(_ array: String?) -> [String] {
        guard let array, array.hasPrefix("["), array.hasSuffix("]") else { return [] }
        return topLevelParts(String(array.dropFirst().dropLast()))
    }

    /// `"X"`, `.product(name: "X", package: …)`, `.target(name: "X")`: X.
    private static func moduleName(_ element: String) -> String? {
        if let name = stringLiteral(element) { return name }
        guard let open = element.firstIndex(of: "("), element.hasSuffix(")") else { return nil }
        let inner = String(element[element.index(after: open)..<element.index(before: element.endIndex)])
        return labeledArguments(inner)["name"].flatMap(stringLiteral)
    }

    private static func stringLiteral(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\""), !text.dropFirst().dropLast().contains("\"")
        else {
            return nil
        }
        return String(text.dropFirst().dropLast())
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
