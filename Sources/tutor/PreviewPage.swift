import Foundation
import Notation

/// What the preview adds to the pages it serves, and the pages it makes of
/// its own. None of it is ever written into the output folder: the book's
/// pages stay free of script.
enum PreviewPage {
    /// The address open pages listen on: one `data:` event with the version
    /// at once, then one for each rendering that ends.
    static let eventsPath = "/_tutor/events"
    /// The version as plain text, for scripts and tools that poll.
    static let versionPath = "/_tutor/version"

    /// Reloads the page when a rendering newer than `version` ends, and when
    /// the connection comes back after the preview was restarted.
    static func reloadScript(version: Int) -> String {
        """
        <script>
        // Added by tutor preview, never written to the output folder: reloads when the book is rendered again.
        (function () {
          var shown = "\(version)", lost = false;
          var events = new EventSource("\(eventsPath)");
          events.onmessage = function (event) { if (lost || event.data !== shown) { location.reload(); } };
          events.onerror = function () { lost = true; };
        })();
        </script>

        """
    }

    /// `html` with the reload script before its closing `</body>` (at the end
    /// when it has none).
    static func withReloadScript(_ html: String, version: Int) -> String {
        let script = reloadScript(version: version)
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }

    /// Shown for every page while the last rendering could not make the book:
    /// the pages on disk are an earlier rendering's.
    static func failure(_ messages: [String], version: Int) -> String {
        page(
            title: "The book could not be rendered",
            body: "<p>The pages on disk are from an earlier rendering; the terminal shows the same. "
                + "Save a fix and this page reloads.</p>\n<pre class=\"preview-error\">"
                + messages.map(XMLEscaping.text).joined(separator: "\n") + "</pre>\n",
            version: version)
    }

    /// A 404: before the first rendering ends, the page is on its way.
    static func notFound(_ target: String, version: Int) -> String {
        let why =
            version == 0
            ? "The book is being rendered; this page reloads when it is ready."
            : "No page of the book is at <code>\(XMLEscaping.text(target))</code>."
        return page(
            title: "Not found", body: "<p>\(why)</p>\n<p><a href=\"/\">Contents of the book</a></p>\n",
            version: version)
    }

    private static func page(title: String, body: String, version: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <title>\(XMLEscaping.text(title)) · tutor preview</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.4rem; }
        .preview-error { background: #fdecea; border-left: 4px solid #c62828; padding: 0.8rem 1rem; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <h1>\(XMLEscaping.text(title))</h1>
        \(body)\(reloadScript(version: version))</body>
        </html>

        """
    }
}
