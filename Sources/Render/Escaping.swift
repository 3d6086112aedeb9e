import Notation

/// The escaping every page writer uses: `XMLEscaping`, shared with the prose
/// reader; addresses are escaped in `Escaping+Address.swift`.
typealias Escaping = XMLEscaping
