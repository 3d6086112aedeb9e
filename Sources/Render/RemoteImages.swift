/// Keeps a page off the network: an image the prose takes from a web address
/// becomes a link with its description, which the reader may follow, instead of
/// a fetch the browser makes on opening the page.
enum RemoteImages {
    private static let image = try! Regex(#"<img src="((?:https?:)?//[^"]*)" alt="([^"]*)"(?: title="[^"]*")? />"#)

    static func replaced(in html: String) -> String {
        html.replacing(image) { match in
            let address = match.output[1].substring ?? ""
            let description = match.output[2].substring ?? ""
            return "<a class=\"remote-image\" href=\"\(address)\">image: \(description.isEmpty ? "(no description)" : description)</a>"
        }
    }
}
