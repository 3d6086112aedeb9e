import Chapter
import MarkupBalance
import MathML
import Notation

/// Any bytes, read as a chapter file and taken as far as a page would be: prose
/// to HTML with its formulas as MathML, display math read and rendered, and
/// directive blocks parsed. Nothing may crash, math spans must lie inside their
/// prose, and the HTML must be well nested with every formula put in.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChapter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (document, _) = ChapterReader.read(file: "chapters/fuzz.md", contents: bytes)
    for block in document.blocks {
        switch block {
        case .prose(let prose):
            var end = 0
            for span in prose.inlineMath {
                precondition(span.sourceRange.lowerBound >= end
                             && span.sourceRange.upperBound <= prose.source.utf8.count,
                             "math span \(span.sourceRange) out of order or outside the prose")
                end = span.sourceRange.upperBound
            }
            let html = ProseHTMLRenderer.html(for: prose) { span in
                mathML(span.latex, at: span.location, display: span.isDisplayStyle)
            }
            if let problem = markupImbalance(html) {
                fatalError("prose HTML is malformed: \(problem)\n\(html)")
            }
            // Safe mode omits raw HTML, so every `<math` is one of ours. A span may
            // vanish with a link reference definition or stay as written inside a
            // tag, but no token ("tutormath…" unless the prose has it) may be left.
            let formulas = html.utf8.split(separator: UInt8(ascii: "<"))
                .filter { $0.starts(with: "math ".utf8) }.count
            precondition(formulas <= prose.inlineMath.count,
                         "\(prose.inlineMath.count) math spans, \(formulas) <math> in\n\(html)")
            precondition(prose.source.utf8.contains("tutormath".utf8) || !html.utf8.contains("tutormath".utf8),
                         "a math token is left in\n\(html)")
        case .displayMath(let display):
            _ = mathML(display.latex, at: display.location, display: true)
        case .directive(let directive):
            _ = parseDirectives(directive.content, file: document.file,
                                firstLine: directive.contentLocation.line)
        case .code:
            break
        }
    }
    return 0
}

/// The MathML a page would show for `latex`, checked to be well nested.
private func mathML(_ latex: String, at location: SourceLocation, display: Bool) -> String {
    let markup = MathML.render(readFormula(latex, at: location).equations, display: display)
    if let problem = markupImbalance(markup) {
        fatalError("MathML of \(latex.debugDescription) is malformed: \(problem)\n\(markup)")
    }
    return markup
}
