import Notation

/// Any bytes, read as the content of a ```tutor block: parsing must return, and
/// every error it reports must point into the text it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirectives(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let firstLine = 7
    let block = parseDirectives(source, file: "fuzz.md", firstLine: firstLine)
    for diagnostic in block.diagnostics {
        let location = diagnostic.location
        precondition(location.line >= firstLine && location.line <= firstLine + source.utf8.count,
                     "line out of the block: \(diagnostic)")
        precondition(location.column >= 1, "column before the line: \(diagnostic)")
        _ = diagnostic.rendered
    }
    // Printing walks every expression tree, as error messages and reports do.
    for statement in block.statements {
        _ = String(describing: statement.kind)
    }
    return 0
}
