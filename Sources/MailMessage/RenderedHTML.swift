/// An HTML part rendered to plain text for rules and tokens, with the links and signals it
/// carried. Produced by `HTMLRenderer`.
public struct RenderedHTML: Sendable, Hashable {
    /// All rendered text, hidden text included: tags dropped, references decoded, white space
    /// collapsed, block elements on lines of their own (a blank line around paragraphs).
    public let text: String
    /// The rendered text a reader sees: `text` without `hints.hiddenText`.
    public let visibleText: String
    /// The `<title>` text, when there is one.
    public let title: String?
    /// URIs in document order without repeats: from link-bearing attributes (resolved against
    /// `<base href>`) and from the rendered text. See `HTMLRenderer` for what is left out.
    public let uris: [String]
    /// The `<a href>` links with their text, in order.
    public let anchors: [HTMLAnchor]
    public let hints: HTMLHints

    public init(text: String, visibleText: String, title: String?, uris: [String], anchors: [HTMLAnchor], hints: HTMLHints) {
        self.text = text
        self.visibleText = visibleText
        self.title = title
        self.uris = uris
        self.anchors = anchors
        self.hints = hints
    }

    /// A rendering with no hidden text, title or anchors.
    public init(text: String, uris: [String], hints: HTMLHints) {
        self.init(text: text, visibleText: text, title: nil, uris: uris, anchors: [], hints: hints)
    }
}
