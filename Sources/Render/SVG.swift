import Foundation

/// Coordinates and shapes as SVG text.
enum SVG {
    /// One decimal is a tenth of a pixel: enough, and the same text everywhere.
    /// A value far outside any figure (or not a number) is drawn at its edge
    /// of a large finite range: clipped, never `nan` in the markup.
    static func number(_ value: Double) -> String {
        let v = value.isNaN ? 0 : Swift.min(Swift.max(value, -1e6), 1e6)
        let s = String(format: "%.1f", v)
        let t = s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        return t == "-0" ? "0" : t
    }

    static func polyline(_ points: [(Double, Double)], class name: String) -> String {
        let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
        return "<polyline class=\"\(name)\" points=\"\(list)\"/>\n"
    }

    /// A marker of shape `k` (circle, square, triangle, diamond; filled or
    /// hollow by its class), so series differ by shape as well as colour.
    static func marker(_ k: Int, at p: (Double, Double), class name: String) -> String {
        let (x, y) = p
        switch k % 4 {
        case 0:
            return "<circle class=\"\(name)\" cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"3.5\"/>\n"
        case 1:
            return
                "<rect class=\"\(name)\" x=\"\(number(x - 3.2))\" y=\"\(number(y - 3.2))\" width=\"6.4\" height=\"6.4\"/>\n"
        case 2:
            return
                "<path class=\"\(name)\" d=\"M\(number(x)) \(number(y - 4.2))L\(number(x + 4)) \(number(y + 3))L\(number(x - 4)) \(number(y + 3))Z\"/>\n"
        default:
            return
                "<path class=\"\(name)\" d=\"M\(number(x)) \(number(y - 4.5))L\(number(x + 4)) \(number(y))L\(number(x)) \(number(y + 4.5))L\(number(x - 4)) \(number(y))Z\"/>\n"
        }
    }
}
