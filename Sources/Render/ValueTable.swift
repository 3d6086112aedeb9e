import Autodiff

/// Which rows and columns of a matrix a page shows: all of them up to
/// `limit`, otherwise the first and last few with a gap (`nil`) between, so a
/// 784×10 weight matrix stays a glance and not a wall.
struct ValueTable {
    var rows: [Int?]
    var columns: [Int?]

    init(_ value: Tensor, limit: Int = 8) {
        rows = Self.indices(value.rows, limit: limit)
        columns = Self.indices(value.cols, limit: limit)
    }

    var isAbbreviated: Bool { rows.contains(nil) || columns.contains(nil) }

    private static func indices(_ count: Int, limit: Int) -> [Int?] {
        guard count > limit else { return Array(0..<count) }
        let head = (limit + 1) / 2, tail = limit - head - 1
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }
}
