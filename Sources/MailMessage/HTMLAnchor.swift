/// A link in an HTML part: where it points and the text it shows. Rules compare the two (a link
/// whose text names one domain and whose target is another).
public struct HTMLAnchor: Sendable, Hashable {
    /// The `href`, entity-decoded and resolved against `<base href>` when the document has one.
    public let href: String
    /// The rendered text inside the link (image `alt` text included), white space collapsed.
    public let text: String

    public init(href: String, text: String) {
        self.href = href
        self.text = text
    }
}
