/// A JSON document with object keys kept in the order they were written, so
/// the report reads in the order of its schema and is the same bytes every run.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Pretty-printed with two-space indents. Numbers keep full precision
    /// (Swift's shortest round-trip form); NaN and infinities, which JSON
    /// cannot hold, become null.
    func serialized(indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .integer(i): return String(i)
        case let .number(x):
            guard x.isFinite else { return "null" }
            if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int64(x)) }
            return "\(x)"
        case let .string(s): return JSONValue.quote(s)
        case let .array(items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(fields):
            if fields.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n"
                + fields.map { inner + JSONValue.quote($0.0) + ": " + $0.1.serialized(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
