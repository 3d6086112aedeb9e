import MarkupBalance
import MathML
import Notation

/// Any bytes, read as a LaTeX formula: reading must return, its errors must point
/// into the formula, and whatever equations it reads must render to nested MathML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let latex = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let reading = readFormula(latex, at: SourceLocation(file: "fuzz.md", line: 3, column: 5))
    for diagnostic in reading.diagnostics {
        let location = diagnostic.location
        precondition(location.line >= 3 && location.line <= 3 + latex.utf8.count,
                     "line out of the formula: \(diagnostic)")
        precondition(location.column >= 1, "column before the line: \(diagnostic)")
        _ = diagnostic.rendered
    }
    for equation in reading.equations {
        _ = equation.left.description + equation.right.description
    }
    for display in [true, false] {
        let markup = MathML.render(reading.equations, display: display)
        if let problem = markupImbalance(markup) {
            fatalError("MathML of \(latex.debugDescription) is malformed: \(problem)\n\(markup)")
        }
    }
    return 0
}
