import Foundation

/// Compares two `report.json` files as data, not as text.
///
/// A report keeps every number at full precision, so its last digits move with
/// the BLAS kernel, the thread count and the CPU. Two reports agree when they
/// have the same structure, the same strings, booleans and nulls, and numbers
/// that agree within `numberTolerance`: |a − b| ≤ 1e-12 + 1e-9·max(|a|, |b|),
/// which two different integers (lines, counts, shapes) never meet. The
/// residual fields `max_abs_error` and `max_rel_error` are the rounding noise
/// of a comparison and agree within 1e-6 (an agreeing check's residual is far
/// below its tolerance; a failing check's is large and stable).
public enum ReportComparison {
    public static let residualFields: Set<String> = ["max_abs_error", "max_rel_error"]
    public static let residualTolerance = 1e-6

    /// Where the reports differ, as "path: expected vs actual"; empty when they agree.
    public static func differences(expected: Data, actual: Data, limit: Int = 20) -> [String] {
        let decoder = JSONDecoder()
        guard let e = try? decoder.decode(JSON.self, from: expected) else { return ["the expected report is not JSON"] }
        guard let a = try? decoder.decode(JSON.self, from: actual) else { return ["the report is not JSON"] }
        var found: [String] = []
        compare(e, a, path: "", key: nil, into: &found, limit: limit)
        return found
    }

    /// Whether two numbers of a report agree; `key` is the field that holds them.
    public static func agree(_ a: Double, _ b: Double, key: String?) -> Bool {
        if a == b { return true }
        let difference = Swift.abs(a - b)
        if let key, residualFields.contains(key) { return difference <= residualTolerance }
        return difference <= 1e-12 + 1e-9 * Swift.max(Swift.abs(a), Swift.abs(b))
    }

    /// A JSON value, as decoded: the report's own types, nothing else.
    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let x = try? c.decode(Double.self) { self = .number(x) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }

        var text: String {
            switch self {
            case .null: return "null"
            case let .bool(b): return "\(b)"
            case let .number(x): return "\(x)"
            case let .string(s): return "\"\(s)\""
            case let .array(a): return "an array of \(a.count)"
            case let .object(o): return "an object of \(o.count) fields"
            }
        }
    }

    private static func compare(_ e: JSON, _ a: JSON, path: String, key: String?, into found: inout [String], limit: Int) {
        guard found.count < limit else { return }
        func differ(_ what: String) { found.append("\(path.isEmpty ? "(top)" : path): \(what)") }
        switch (e, a) {
        case let (.object(e), .object(a)):
            for k in e.keys.sorted() {
                guard let value = a[k] else { differ("field \"\(k)\" is missing"); continue }
                compare(e[k]!, value, path: path + "." + k, key: k, into: &found, limit: limit)
            }
            for k in a.keys.sorted() where e[k] == nil { differ("unexpected field \"\(k)\"") }
        case let (.array(e), .array(a)):
            guard e.count == a.count else { return differ("\(e.count) entries expected, \(a.count) found") }
            for (i, (x, y)) in zip(e, a).enumerated() {
                compare(x, y, path: "\(path)[\(i)]", key: key, into: &found, limit: limit)
            }
        case let (.number(x), .number(y)):
            if !agree(x, y, key: key) { differ("\(x) expected, \(y) found") }
        case let (.bool(x), .bool(y)) where x == y: break
        case let (.string(x), .string(y)) where x == y: break
        case (.null, .null): break
        default: differ("\(e.text) expected, \(a.text) found")
        }
    }
}
