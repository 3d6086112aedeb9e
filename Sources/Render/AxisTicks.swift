import Notation
import Runner
import Foundation

/// Tick marks at "nice" numbers (1, 2 or 5 times a power of ten) for a plot's axis,
/// following Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
struct AxisTicks {
    /// The values the axis spans; the data fit inside.
    var domain: ClosedRange<Double>
    var values: [Double]
    var isLogarithmic: Bool

    /// About `count` ticks. Unless `fitted`, the domain grows to the ticks just
    /// outside the data, so a curve never touches a frame without a label; a
    /// fitted domain is the data's own range, with the ticks that fall inside.
    static func linear(_ data: ClosedRange<Double>, count: Int = 5, fitted: Bool = false) -> AxisTicks {
        // Bounds that are not finite leave nothing to place: a unit axis.
        guard data.lowerBound.isFinite, data.upperBound.isFinite else {
            return AxisTicks(domain: 0...1, values: [0, 1], isLogarithmic: false)
        }
        var lower = data.lowerBound, upper = data.upperBound
        if upper / 2 - lower / 2 < 0.5e-12 * max(1, Swift.abs(lower)) {
            // A constant: pad by a tenth of it, at least the smallest step whose ticks differ.
            let pad = lower == 0 ? 1 : max(Swift.abs(lower) * 0.1, .leastNormalMagnitude)
            lower = (lower - pad).clampedToFinite
            upper = (upper + pad).clampedToFinite
        }
        // Halves first: the span of -1e308...1e308 overflows, its half does not.
        let step = niceStep(2 * ((upper / 2 - lower / 2) / Double(max(1, count))))
        let first = (lower / step).rounded(.down)
        let last = (upper / step).rounded(.up)
        let values = stride(from: first, through: last, by: 1).map { cleaned($0 * step, step: step) }.filter(\.isFinite)
        if fitted || values.count < 2 {
            let inside = values.filter { $0 >= lower - 1e-9 * step && $0 <= upper + 1e-9 * step }
            return AxisTicks(domain: lower...upper, values: inside, isLogarithmic: false)
        }
        // A tick past the largest Double is left out: the domain ends at the data.
        return AxisTicks(
            domain: min(values.first!, lower)...max(values.last!, upper), values: values, isLogarithmic: false)
    }

    /// Ticks at powers of ten for positive data; the domain is whole decades.
    static func logarithmic(_ data: ClosedRange<Double>) -> AxisTicks {
        precondition(data.lowerBound > 0, "a log axis needs positive data")
        // Decades of Doubles only (10^-324 … 10^308), so every tick is finite and positive.
        let low = max(-323, log10(data.lowerBound).rounded(.down))
        var high = min(308, log10(data.upperBound).rounded(.up))
        if high <= low { high = low + 1 }
        let decades = Int(high - low)
        let stride = max(1, (decades + 5) / 6)  // at most about six labels
        var values: [Double] = []
        var k = low
        while k <= high {
            values.append(pow(10, k))
            k += Double(stride)
        }
        return AxisTicks(domain: pow(10, low)...pow(10, high), values: values, isLogarithmic: true)
    }

    /// A tick's label, with a true minus sign: on a log axis a power of ten
    /// (10⁻⁴ is shorter than 0.0001, and each label reads as its decade).
    func label(_ value: Double) -> String {
        guard isLogarithmic else { return NumberText.format(value).replacingOccurrences(of: "-", with: "\u{2212}") }
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
            "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return "10" + String(String(Int(log10(value).rounded())).compactMap { superscripts[$0] })
    }

    /// Where `x` falls along the axis, from 0 (lower end) to 1 (upper end).
    func fraction(_ x: Double) -> Double {
        if isLogarithmic {
            let low = log10(domain.lowerBound), high = log10(domain.upperBound)
            return (log10(max(x, domain.lowerBound * 1e-3)) - low) / (high - low)
        }
        // Halves, so that a domain as wide as the Doubles does not overflow.
        return (x / 2 - domain.lowerBound / 2) / (domain.upperBound / 2 - domain.lowerBound / 2)
    }

    /// The nice number nearest above `rough`: 1, 2, 5 or 10 times a power of ten.
    static func niceStep(_ rough: Double) -> Double {
        let exponent = floor(log10(rough))
        let base = pow(10, exponent)
        let f = rough / base
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        return nice * base
    }

    /// Removes the float noise of `k × step` (0.30000000000000004 → 0.3) and `-0`.
    private static func cleaned(_ x: Double, step: Double) -> Double {
        let decimals = max(0, -floor(log10(step)))
        let scale = pow(10, decimals)
        let r = (x * scale).rounded() / scale
        guard r.isFinite else { return x == 0 ? 0 : x }  // steps below 10^-308 have no decimal scale
        return r == 0 ? 0 : r
    }
}

private extension Double {
    var clampedToFinite: Double { Swift.min(Swift.max(self, -.greatestFiniteMagnitude), .greatestFiniteMagnitude) }
}
