/// What `HTMLStatisticsScanner` needs to know about a tag name, looked up once per tag (by the
/// name's bytes, through `HTMLNameTable`) instead of testing the name against each of its sets.
struct HTMLTagTraits: Sendable {
    /// The elements whose open count the scanner keeps beside `HTMLStatistics.inside`.
    enum Counter: Sendable { case none, script, style, anchor, title }

    /// The name's index in `knownNames`, -1 for a name no set of the scanner holds.
    let id: Int
    /// Counted as a valid element (`HTMLStatisticsScanner.elements`, or an Office namespace).
    let countsAsElement: Bool
    /// Rendered: an element or a trick, not namespaced.
    let isRendered: Bool
    let isTextStyle: Bool
    /// Its content is taken literally (script, style…).
    let isLiteral: Bool
    /// The white space a start or end tag of it adds to the rendered text, if any.
    let breakText: [UInt8]?
    let counter: Counter
    let role: HTMLTagRole

    init(_ name: String, id: Int = -1) {
        self.id = id
        let namespaced = HTMLStatisticsScanner.isNamespaced(name)
        let element = HTMLStatisticsScanner.elements.contains(name)
        countsAsElement = element || namespaced
        isRendered = !namespaced && (element || HTMLStatisticsScanner.tricks.contains(name))
        isTextStyle = HTMLStatisticsScanner.textStyleElements.contains(name)
        isLiteral = HTMLStatisticsScanner.literalElements.contains(name)
        switch name {
        case "br", "div": breakText = [0x0A]
        case "li", "th", "td", "dt", "dd", "embed", "h1", "h2", "h3", "h4", "h5", "h6": breakText = [0x20]
        case "p", "hr", "blockquote", "pre", "listing", "plaintext", "xmp", "title": breakText = [0x0A, 0x0A]
        default: breakText = nil
        }
        switch name {
        case "script": counter = .script
        case "style": counter = .style
        case "a": counter = .anchor
        case "title": counter = .title
        default: counter = .none
        }
        role = HTMLTagRole(rawValue: name) ?? .none
    }

    /// Every name any of the scanner's sets holds, in a fixed order (`id` indexes it).
    static let knownNames: [String] = HTMLStatisticsScanner.elements.union(HTMLStatisticsScanner.tricks)
        .union(HTMLStatisticsScanner.textStyleElements).union(HTMLStatisticsScanner.literalElements).sorted()

    /// Traits of every known name, worked out once, by id.
    static let known: [HTMLTagTraits] = knownNames.enumerated().map { HTMLTagTraits($0.element, id: $0.offset) }

    private static let table = HTMLNameTable(knownNames)

    /// Any other name is neither rendered nor special; only a namespace makes it an element.
    private static let unknown = HTMLTagTraits(nonElementNamespaced: false)
    private static let unknownNamespaced = HTMLTagTraits(nonElementNamespaced: true)

    private init(nonElementNamespaced namespaced: Bool) {
        id = -1
        countsAsElement = namespaced
        isRendered = false
        isTextStyle = false
        isLiteral = false
        breakText = nil
        counter = .none
        role = .none
    }

    /// The traits of the (lower-cased) tag name `name`.
    static func of(_ name: String) -> HTMLTagTraits {
        if let id = table.index(of: name) { return known[id] }
        return name.utf8.contains(UInt8(ascii: ":")) && HTMLStatisticsScanner.isNamespaced(name) ? unknownNamespaced : unknown
    }

    /// The traits of the tag name spelt by `bytes` (any case); `name` is its lower-cased String,
    /// read only for names no set holds.
    static func of(bytes: ArraySlice<UInt8>, name: String) -> HTMLTagTraits {
        if let id = table.index(of: bytes) { return known[id] }
        return bytes.contains(UInt8(ascii: ":")) && HTMLStatisticsScanner.isNamespaced(name) ? unknownNamespaced : unknown
    }

    /// The id of a known name (for the few the scanner names itself); -1 for others.
    static func id(of name: String) -> Int { table.index(of: name) ?? -1 }
}
