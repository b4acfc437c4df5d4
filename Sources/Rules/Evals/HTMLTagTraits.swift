/// What `HTMLStatisticsScanner` needs to know about a tag name, looked up once per tag instead of
/// testing the name against each of its sets in turn.
struct HTMLTagTraits: Sendable {
    /// The elements whose open count the scanner keeps beside `HTMLStatistics.inside`.
    enum Counter: Sendable { case none, script, style, anchor, title }

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

    init(_ name: String) {
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
    }

    /// Traits of every name any of the scanner's sets holds, worked out once.
    private static let known: [String: HTMLTagTraits] = {
        let names = HTMLStatisticsScanner.elements.union(HTMLStatisticsScanner.tricks)
            .union(HTMLStatisticsScanner.textStyleElements).union(HTMLStatisticsScanner.literalElements)
        return Dictionary(uniqueKeysWithValues: names.map { ($0, HTMLTagTraits($0)) })
    }()

    /// Any other name is neither rendered nor special; only a namespace makes it an element.
    private static let unknown = HTMLTagTraits(nonElementNamespaced: false)
    private static let unknownNamespaced = HTMLTagTraits(nonElementNamespaced: true)

    private init(nonElementNamespaced namespaced: Bool) {
        countsAsElement = namespaced
        isRendered = false
        isTextStyle = false
        isLiteral = false
        breakText = nil
        counter = .none
    }

    static func of(_ name: String) -> HTMLTagTraits {
        if let traits = known[name] { return traits }
        return name.utf8.contains(UInt8(ascii: ":")) && HTMLStatisticsScanner.isNamespaced(name) ? unknownNamespaced : unknown
    }
}
