import Foundation

/// Compares two `report.json` files as data, not as text.
///
/// A report keeps every number at full precision, so its last digits move with
/// the BLAS kernel, the thread count and the CPU. Two reports agree when they
/// have the same structure, the same strings, booleans and nulls, and numbers
/// that agree within `numberTolerance`: |a − b| ≤ 1e-12 + 1e-9·max(|a|, |b|),
/// which two different integers (lines, counts, shapes) never meet. The
/// residual fields `max_abs_error` and `max_rel_error` of a comparison that
/// held — an object whose `status` is not `failed`, `xfail` or `error`, or that
/// has none, as a confirmed derivative — are rounding noise under a tolerance:
/// any two numbers agree there (both null, or both numbers). The residuals of a
/// comparison that failed are findings, compared like every other number.
public enum ReportComparison {
    public static let residualFields: Set<String> = ["max_abs_error", "max_rel_error"]
    /// The statuses whose residuals are findings rather than noise.
    public static let findingStatuses: Set<String> = ["failed", "xfail", "error"]

    /// Where the reports differ, as "path: expected vs actual"; empty when they agree.
    public static func differences(expected: Data, actual: Data, limit: Int = 20) -> [String] {
        let decoder = JSONDecoder()
        guard let e = try? decoder.decode(JSON.self, from: expected) else { return ["the expected report is not JSON"] }
        guard let a = try? decoder.decode(JSON.self, from: actual) else { return ["the report is not JSON"] }
        var found: [String] = []
        compare(e, a, path: "", noise: false, into: &found, limit: limit)
        return found
    }

    /// Whether two measured numbers of a report agree.
    public static func agree(_ a: Double, _ b: Double) -> Bool {
        a == b || Swift.abs(a - b) <= 1e-12 + 1e-9 * Swift.max(Swift.abs(a), Swift.abs(b))
    }

    /// A JSON value, as decoded: the report's own types, nothing else.
    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let x = try? c.decode(Double.self) {
                self = .number(x)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([JSON].self) {
                self = .array(a)
            } else {
                self = .object(try c.decode([String: JSON].self))
            }
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

    /// `noise`: the values are residuals of a comparison that held.
    private static func compare(_ e: JSON, _ a: JSON, path: String, noise: Bool, into found: inout [String], limit: Int)
    {
        guard found.count < limit else { return }
        func differ(_ what: String) { found.append("\(path.isEmpty ? "(top)" : path): \(what)") }
        switch (e, a) {
        case let (.object(e), .object(a)):
            var held = true
            if case let .string(status)? = e["status"], findingStatuses.contains(status) { held = false }
            for k in e.keys.sorted() {
                guard let value = a[k] else { differ("field \"\(k)\" is missing"); continue }
                compare(
                    e[k]!, value, path: path + "." + k, noise: held && residualFields.contains(k),
                    into: &found, limit: limit)
            }
            for k in a.keys.sorted() where e[k] == nil { differ("unexpected field \"\(k)\"") }
        case let (.array(e), .array(a)):
            guard e.count == a.count else { return differ("\(e.count) entries expected, \(a.count) found") }
            for (i, (x, y)) in zip(e, a).enumerated() {
                compare(x, y, path: "\(path)[\(i)]", noise: noise, into: &found, limit: limit)
            }
        case let (.number(x), .number(y)):
            if !noise && !agree(x, y) { differ("\(x) expected, \(y) found") }
        case let (.bool(x), .bool(y)) where x == y: break
        case let (.string(x), .string(y)) where x == y: break
        case (.null, .null): break
        default: differ("\(e.text) expected, \(a.text) found")
        }
    }
}
