import Render
import Runner

/// Writes the chosen formats of a book's results.
struct BookOutput {
    let formats: Set<OutputFormat>

    func write(_ book: BookResult, with writer: OutputWriter) throws {
        if formats.contains(.json) {
            try writer.write(JSONReport.render(book), to: "report.json")
        }
    }
}
