import Foundation

/// A result in the cache's binary form (`RecordEncoder`), every value inline,
/// as a chapter's worker process hands it back: Doubles as their bits, copied
/// at once, where JSON wrote and parsed each in decimal.
extension ChapterResult {
    public func record() throws -> Data {
        Data(try RecordEncoder().encode(self))
    }

    public init(record: Data) throws {
        self = try RecordDecoder().decode(ChapterResult.self, from: record)
    }
}
