/// A name as written in a statement (`W`, `net`, `net.1.W`), with where it was
/// written, so that a later "unknown name" error can point at it.
public struct Identifier: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var location: SourceLocation

    public init(_ name: String, at location: SourceLocation) {
        self.name = name
        self.location = location
    }

    public var description: String { name }
}
