/// HTML rendered to plain text for rules and tokens. (Minimal version; being completed.)
public struct RenderedHTML: Sendable {
    public let text: String
    public let uris: [String]
    public let hints: HTMLHints

    public init(text: String, uris: [String], hints: HTMLHints) {
        self.text = text
        self.uris = uris
        self.hints = hints
    }
}

/// What the HTML said beyond its text: the signals spam rules look at.
public struct HTMLHints: Sendable, Hashable {
    public var tagCounts: [String: Int] = [:]
    public var hiddenText: String = ""
    public var imageCount = 0

    public init() {}
}

public enum HTMLRenderer {
    public static func render(_ html: String) -> RenderedHTML {
        RenderedHTML(text: html, uris: URIExtractor.extract(from: html), hints: HTMLHints())
    }
}
