import Notation

/// The escaping every page writer uses: `XMLEscaping`, shared with the prose
/// reader; addresses are escaped in Render's `Escaping+Address.swift`.
public typealias Escaping = XMLEscaping
