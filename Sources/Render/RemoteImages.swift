/// Keeps a page off the network: an image the prose takes from an address
/// with a scheme (`https:`, `HTTP:`, `ftp:` — schemes are compared
/// case-insensitively) or from another host (`//host/…`) becomes a link with
/// its description, which the reader may follow, instead of a fetch the
/// browser makes on opening the page. Addresses that are not the web's
/// (`data:`, `file:`, `javascript:`, and an address cmark blanked as unsafe)
/// become the description alone, without a link. Images beside the page
/// (a relative path) are kept.
enum RemoteImages {
    private static let image = try! Regex(#"<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />"#)
    private static let scheme = try! Regex(#"^[A-Za-z][A-Za-z0-9+.\-]*:"#)
    /// Schemes a reader may be sent to.
    private static let followable: Set<String> = ["http:", "https:", "ftp:"]

    static func replaced(in html: String) -> String {
        html.replacing(image) { match in
            let address = match.output[1].substring.map(String.init) ?? ""
            let description = match.output[2].substring.map(String.init) ?? ""
            let text = "image: \(description.isEmpty ? "(no description)" : description)"
            let schemeName = address.firstMatch(of: scheme).map { String(address[$0.range]).lowercased() }
            if address.hasPrefix("//") || schemeName.map(followable.contains) == true {
                return "<a class=\"remote-image\" href=\"\(address)\">\(text)</a>"
            }
            if schemeName != nil || address.isEmpty || address.hasPrefix("\\") {
                return "<span class=\"remote-image\">\(text)</span>"
            }
            return String(match.output[0].substring ?? "")
        }
    }
}
