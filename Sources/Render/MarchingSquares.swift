/// Contour lines of a function sampled on a grid, by marching squares.
///
/// Each grid cell's four corners are classified above or below the level; the
/// contour crosses each edge whose ends differ, at the point found by linear
/// interpolation. The two saddle cases (opposite corners alike) are decided by
/// the cell's centre value, the average of its corners.
enum MarchingSquares {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    struct Segment: Equatable {
        var from: Point
        var to: Point
    }

    /// Segments of the contour `f = level`, in grid coordinates: x is the column
    /// index and y the row index, fractional between samples. `values[j][i]` is
    /// the sample at column i, row j.
    static func segments(_ values: [[Double]], level: Double) -> [Segment] {
        guard values.count > 1, let width = values.first?.count, width > 1 else { return [] }
        var result: [Segment] = []
        for j in 0..<(values.count - 1) {
            for i in 0..<(width - 1) {
                // Corners counter-clockwise from the bottom left.
                let v = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                guard v.allSatisfy(\.isFinite) else { continue }
                let corners = [
                    Point(x: Double(i), y: Double(j)), Point(x: Double(i + 1), y: Double(j)),
                    Point(x: Double(i + 1), y: Double(j + 1)), Point(x: Double(i), y: Double(j + 1)),
                ]
                let above = v.map { $0 >= level }
                /// The crossing on edge e, which joins corner e to corner e+1.
                func crossing(_ e: Int) -> Point {
                    let a = e, b = (e + 1) % 4
                    let t = (level - v[a]) / (v[b] - v[a])
                    return Point(
                        x: corners[a].x + t * (corners[b].x - corners[a].x),
                        y: corners[a].y + t * (corners[b].y - corners[a].y))
                }
                let edges = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
                switch edges.count {
                case 2:
                    result.append(Segment(from: crossing(edges[0]), to: crossing(edges[1])))
                case 4:
                    // A saddle: pair each crossing with a neighbour so that the
                    // centre lies on the side its value says.
                    let centreAbove = v.reduce(0, +) / 4 >= level
                    if centreAbove == above[0] {
                        result.append(Segment(from: crossing(0), to: crossing(1)))
                        result.append(Segment(from: crossing(2), to: crossing(3)))
                    } else {
                        result.append(Segment(from: crossing(3), to: crossing(0)))
                        result.append(Segment(from: crossing(1), to: crossing(2)))
                    }
                default:
                    break
                }
            }
        }
        return result
    }
}
