/// What the HTML said beyond its text: the signals SpamAssassin-style HTML rules and the Bayes
/// tokenizer look at (tags used, hidden text, images, markup weight, broken structure).
public struct HTMLHints: Sendable, Hashable {
    /// Start and end tags of known elements by `HTMLElement` raw value (kept as arrays: building
    /// dictionaries of names for every part would cost more than the rest of the hints).
    var elementStarts: [Int32] = []
    var elementEnds: [Int32] = []
    /// Start and end tags of unknown elements by lower-case name.
    var unknownStarts: [String: Int] = [:]
    var unknownEnds: [String: Int] = [:]
    /// Start tags whose name is not an HTML element (`<o:p>`, `<xyz>`).
    public var unknownTagCount = 0
    /// The rendered text that is not shown: display:none, visibility:hidden, tiny fonts, text in
    /// the colour of its background, the content of frames and templates.
    public var hiddenText = ""
    public var imageCount = 0
    /// The sum of width × height over images that give both, in pixels.
    public var imageArea = 0
    /// Images of at most 1×1 pixel: tracking pixels.
    public var webBugCount = 0
    public var hasScript = false
    public var hasIframe = false
    public var hasForm = false
    /// `<object>`, `<embed>` or `<applet>`.
    public var hasEmbeddedObject = false
    /// `<meta http-equiv="refresh">`.
    public var hasMetaRefresh = false
    /// Source bytes of comments (`<!-- … -->`).
    public var commentBytes = 0
    /// Source bytes of tags, declarations, processing instructions and script/style bodies.
    public var tagBytes = 0
    /// Source bytes of character data: text, white space and references as written.
    public var textBytes = 0
    /// Start tags (other than optional-end ones like `<p>`, `<li>`, `<td>`) never closed.
    public var unclosedTagCount = 0
    /// End tags without a start tag.
    public var unmatchedEndTagCount = 0
    /// Markup the renderer had to repair: a `<` tag with no `>`, an unterminated comment, quote
    /// or script/style element.
    public var malformedMarkupCount = 0
    /// Letters and digits written as numeric references (`&#86;iagra`): an obfuscation sign.
    public var obfuscatedCharacterCount = 0
    /// The document's `<base href>`, when it has one.
    public var baseHref: String?

    /// How many distinct unknown tag names `tagCounts` and `endTagCounts` keep at most.
    public static let maxDistinctTagNames = 256

    public init() {}

    public var hasWebBugs: Bool { webBugCount > 0 }
    public var hasUnbalancedTags: Bool { unclosedTagCount > 0 || unmatchedEndTagCount > 0 }

    /// Start tags by lower-case name, unknown names included (up to `maxDistinctTagNames`).
    public var tagCounts: [String: Int] {
        get { Self.counts(elementStarts, unknownStarts) }
        set { (elementStarts, unknownStarts) = Self.split(newValue) }
    }

    /// End tags by lower-case name.
    public var endTagCounts: [String: Int] {
        get { Self.counts(elementEnds, unknownEnds) }
        set { (elementEnds, unknownEnds) = Self.split(newValue) }
    }

    /// How many start tags named `name` (any case) there are.
    public func startTagCount(_ name: String) -> Int { Self.count(name, elementStarts, unknownStarts) }

    /// How many end tags named `name` (any case) there are.
    public func endTagCount(_ name: String) -> Int { Self.count(name, elementEnds, unknownEnds) }

    /// Whether a start tag named `name` (any case) appears.
    public func tagExists(_ name: String) -> Bool { startTagCount(name) > 0 }

    /// Start tags minus end tags for `name`, as SpamAssassin's html_tag_balance.
    public func balance(of name: String) -> Int { startTagCount(name) - endTagCount(name) }

    private static func count(_ name: String, _ known: [Int32], _ unknown: [String: Int]) -> Int {
        var name = name
        let element = name.withUTF8 { $0.isEmpty ? nil : HTMLElement.lookup($0.baseAddress!, count: $0.count) }
        if let element {
            let index = Int(element.rawValue)
            return index < known.count ? Int(known[index]) : 0
        }
        return unknown[name.lowercased()] ?? 0
    }

    private static func counts(_ known: [Int32], _ unknown: [String: Int]) -> [String: Int] {
        var result = unknown
        for (index, count) in known.enumerated() where count > 0 {
            result[HTMLElement(rawValue: UInt8(index))!.name] = Int(count)
        }
        return result
    }

    private static func split(_ counts: [String: Int]) -> ([Int32], [String: Int]) {
        var known = [Int32](repeating: 0, count: HTMLElement.count), unknown: [String: Int] = [:]
        if counts.isEmpty { return ([], [:]) }
        for (name, count) in counts {
            var name = name
            if let element = name.withUTF8({ $0.isEmpty ? nil : HTMLElement.lookup($0.baseAddress!, count: $0.count) }) {
                known[Int(element.rawValue)] = Int32(clamping: count)
            } else {
                unknown[name.lowercased()] = count
            }
        }
        return (known, unknown)
    }

    /// The share of markup in the source: tag bytes over tag and text bytes, 0 when empty.
    public var tagRatio: Double {
        let total = tagBytes + textBytes
        return total == 0 ? 0 : Double(tagBytes) / Double(total)
    }
}
