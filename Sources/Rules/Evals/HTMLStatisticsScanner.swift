import MailMessage

/// Tokenises one HTML part the way SpamAssassin's HTML::Parser subclass sees it (start and end
/// tags, text, comments, declarations; script, style, xmp, plaintext, title and textarea content
/// taken literally) and keeps the statistics its HTMLEval functions read.
struct HTMLStatisticsScanner {
    private var statistics = HTMLStatistics()
    private var styles = HTMLTextStyleStack()
    /// The last byte of the last rendered piece (obfuscation joins), nil when it was empty.
    private var lastByte: UInt8?
    private var lastPieceIsWhitespace = false
    private var hasPiece = false
    /// Whether the last rendered piece was text judged invisible, and whether it ends in a space
    /// (SpamAssassin trims that space when a white-space piece follows visible text).
    private var lastPieceInvisible = false
    private var lastPieceEndsInSpace = false
    /// Open counts of the elements whose text is treated apart, kept beside `inside` to spare
    /// dictionary lookups per text run.
    private var openScript = 0, openStyle = 0, openAnchor = 0, openTitle = 0
    /// Open counts of the known tags by `HTMLTagTraits.id`, -1 until a tag of the name is seen;
    /// moved into `statistics.inside` when the scan ends (other names go there directly).
    private var knownOpen = [Int](repeating: -1, count: HTMLTagTraits.knownNames.count)

    /// HTML 4.01 / XHTML 1.0 elements and a few non-standard ones SpamAssassin counts as valid.
    static let elements: Set<String> = Set("""
        a abbr acronym address area b base bdo big blockquote body br button caption cite code col colgroup dd del dfn div \
        dl dt em fieldset form h1 h2 h3 h4 h5 h6 head hr html i img input ins kbd label legend li link map meta noscript \
        object ol optgroup option p param pre q samp script select small span strong style sub sup table tbody td \
        textarea tfoot th thead title tr tt ul var applet basefont center dir font frame frameset iframe isindex menu \
        noframes s strike u nobr x-sigsep x-tab
        """.split(separator: " ").map(String.init))
    /// Rendered but not counted as valid.
    static let tricks: Set<String> = ["bgsound", "embed", "listing", "plaintext", "xmp"]
    static let textStyleElements: Set<String> = ["body", "font", "table", "tr", "th", "td", "big", "small", "basefont", "marquee", "span", "p", "div", "a"]
    static let literalElements: Set<String> = ["script", "style", "xmp", "plaintext", "title", "textarea"]
    /// SpamAssassin's cap on a URI's length.
    static let maxURILength = 8192

    /// Statistics of `source`, the part's text.
    static func scan(_ source: [UInt8]) -> HTMLStatistics {
        var scanner = HTMLStatisticsScanner()
        scanner.statistics.length = source.withUnsafeBufferPointer { bytes in
            // every byte but UTF-8 continuation bytes, without an overflow check per byte
            var count = 0
            for byte in bytes { count &+= byte & 0xC0 == 0x80 ? 0 : 1 }
            return count
        }
        scanner.run(HTMLSourcePreparation.prepare(source))
        for (id, open) in scanner.knownOpen.enumerated() where open >= 0 {
            scanner.statistics.inside[HTMLTagTraits.knownNames[id]] = open
        }
        // SpamAssassin counts the rendered text's characters that are not Unicode white space.
        scanner.statistics.nonSpaceLength = SpamAssassinText.nonSpaceCharacterCount(scanner.statistics.rendered)
        return scanner.statistics
    }

    private mutating func run(_ bytes: [UInt8]) {
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { text(bytes[textStart..<end]) }
        }
        while let open = bytes.withUnsafeBufferPointer({ ByteScan.first(UInt8(ascii: "<"), in: $0, from: index, to: $0.count) }),
              open + 1 < bytes.count {
            index = open
            let next = bytes[index + 1]
            if ByteClass.isLetter(next) {
                guard let tag = HTMLTagReader.startTag(in: bytes, at: index) else { index += 1; continue }
                flushText(upTo: index)
                index = tag.end
                let traits = tag.traits
                startTag(tag.name, traits: traits, attributes: tag.attributes)
                if traits.isLiteral {
                    let close = HTMLTagReader.literalEnd(of: tag.name, in: bytes, from: index)
                    if close.contentEnd > index {
                        let content = bytes[index..<close.contentEnd]
                        if traits.role == .script { statistics.scripts.append(Array(content)) } else if traits.role != .style { text(content) }
                    }
                    index = close.contentEnd
                    if let endTag = close.endTag {
                        index = endTag.end
                        endTagEvent(endTag.name, traits: endTag.traits)
                    }
                }
                textStart = index
            } else if next == UInt8(ascii: "/") {
                guard index + 2 < bytes.count, ByteClass.isLetter(bytes[index + 2]),
                      let tag = HTMLTagReader.endTag(in: bytes, at: index) else { index += 1; continue }
                flushText(upTo: index)
                index = tag.end
                endTagEvent(tag.name, traits: tag.traits)
                textStart = index
            } else if next == UInt8(ascii: "!") {
                flushText(upTo: index)
                index = markupDeclaration(bytes, at: index)
                textStart = index
            } else if next == UInt8(ascii: "?") {
                flushText(upTo: index)
                index = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
    }

    /// `<!-- comment -->`, `<!DOCTYPE …>` and other declarations, `<![CDATA[…]]>`, or a bogus
    /// comment `<!…>`; returns where the markup ends.
    private mutating func markupDeclaration(_ bytes: [UInt8], at index: Int) -> Int {
        let rest = bytes[(index + 2)...]
        if rest.starts(with: "--".utf8) {
            let end = HTMLTagReader.find("-->".utf8, in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
            statistics.comments.append(Array(bytes[index..<end]))
            return end
        }
        if rest.starts(with: "[CDATA[".utf8) {
            let contentStart = index + 9
            let close = HTMLTagReader.find("]]>".utf8, in: bytes, from: contentStart) ?? bytes.count
            if close > contentStart { text(bytes[contentStart..<close]) }
            return min(close + 3, bytes.count)
        }
        let end = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
        if let first = rest.first, ByteClass.isLetter(first) {
            if rest.prefix(7).map(ASCII.lower).elementsEqual("doctype".utf8) {
                statistics.elements += 1
                statistics.tags += 1
                statistics.inside["!doctype"] = 0
            }
        } else {
            statistics.comments.append(Array(bytes[index..<end]))
        }
        return end
    }

    private mutating func startTag(_ name: String, traits: HTMLTagTraits, attributes: HTMLAttributes) {
        countTag(name, traits: traits, delta: 1)
        guard traits.isRendered else { return }
        if traits.isTextStyle {
            if let size = styles.open(traits, attributes: attributes) {
                statistics.maxSize = max(statistics.maxSize, size.max)
                statistics.minSize = min(statistics.minSize, size.min)
            }
        }
        if let breakText = traits.breakText { display(breakText[...], whitespace: true) }
        tests(traits.role, attributes: attributes)
    }

    private mutating func endTagEvent(_ name: String, traits: HTMLTagTraits) {
        countTag(name, traits: traits, delta: -1)
        guard traits.isRendered else { return }
        if traits.isTextStyle, traits.role != .body { styles.close(traits) }
        if let breakText = traits.breakText { display(breakText[...], whitespace: true) }
    }

    private mutating func countTag(_ name: String, traits: HTMLTagTraits, delta: Int) {
        if traits.id >= 0 {
            let previous = knownOpen[traits.id]
            let seen = previous >= 0
            if traits.countsAsElement {
                statistics.elements += 1
                if !seen { statistics.elementsSeen += 1 }
            }
            statistics.tags += 1
            if !seen { statistics.tagsSeen += 1 }
            var open = max(previous, 0) + delta
            if open < 0 {
                open = 0
                statistics.closedExtra += 1
            }
            knownOpen[traits.id] = open
            count(open, traits.counter)
            return
        }
        let slot = statistics.inside.index(forKey: name)
        let seen = slot != nil
        if traits.countsAsElement {
            statistics.elements += 1
            if !seen { statistics.elementsSeen += 1 }
        }
        statistics.tags += 1
        if !seen { statistics.tagsSeen += 1 }
        var open = (slot.map { statistics.inside.values[$0] } ?? 0) + delta
        if open < 0 {
            open = 0
            statistics.closedExtra += 1
        }
        if let slot {
            statistics.inside.values[slot] = open
        } else {
            statistics.inside[name] = open
        }
        count(open, traits.counter)
    }

    private mutating func count(_ open: Int, _ counter: HTMLTagTraits.Counter) {
        switch counter {
        case .script: openScript = open
        case .style: openStyle = open
        case .anchor: openAnchor = open
        case .title: openTitle = open
        case .none: break
        }
    }

    /// `o:p`, `st1:place`: Office namespaces, counted as elements and otherwise ignored.
    static func isNamespaced(_ name: String) -> Bool {
        guard name.utf8.contains(UInt8(ascii: ":")), let colon = name.firstIndex(of: ":") else { return false }
        let prefix = name[..<colon]
        let local = name[name.index(after: colon)...]
        let prefixOK = prefix == "o" || (prefix.count == 3 && prefix.hasPrefix("st") && prefix.last!.isASCII && prefix.last!.isNumber)
        var localBody = local
        if localBody.hasSuffix("/") { localBody = localBody.dropLast() }
        return prefixOK && !localBody.isEmpty && localBody.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    private mutating func tests(_ role: HTMLTagRole, attributes: HTMLAttributes) {
        if attributes.entries.contains(where: { $0.value.count > Self.maxURILength }) { statistics.uriTruncated = true }
        switch role {
        case .font:
            if let face = attributes[.face], !HTMLFontFace.isPlausible(Array(face)) { statistics.fontFaceBad = true }
        case .img:
            if openAnchor > 0, !statistics.anchors.isEmpty {
                statistics.anchors[statistics.anchors.count - 1] += "<img>\n".utf8
            }
            if let width = attributes[.width], let height = attributes[.height] {
                let area = ImageSummary.saturatingProduct(Self.dimension(width, percentScale: 8), Self.dimension(height, percentScale: 6))
                statistics.imageArea = ImageSummary.saturatingSum(statistics.imageArea, area)
            }
        case .form:
            if let action = attributes[.action], ASCII.containsCaseless(Array(action), "mailto:") { statistics.formActionMailto = true }
        case .object, .embed:
            statistics.embeds = true
        case .iframe:
            if let source = attributes[.src], !ASCII.trimmed(source).isEmpty { statistics.iframeSource = true }
        case .a:
            statistics.anchors.append([])
        case .title:
            statistics.titles.append([])
        case .meta:
            if let equiv = attributes[.httpEquiv], ASCII.containsCaseless(Array(equiv), "content-type"),
               let content = attributes[.content], let charset = HTMLMetaCharset.charset(in: Array(content)) {
                statistics.charsets = statistics.charsets.map { "\($0) \(charset)" } ?? charset
            }
        default: break
        }
    }

    /// An `<img>` width or height: digits (a percentage of an 800×600 screen), else 200.
    static func dimension(_ value: ArraySlice<UInt8>, percentScale: Int) -> Int {
        var digits = value
        let percent = digits.last == UInt8(ascii: "%")
        if percent { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(ByteClass.isDigit), digits.count < 10,
              let number = Int(String(decoding: digits, as: UTF8.self)) else { return 200 }
        let scaled = percent ? number * percentScale : number
        return scaled <= 0 ? 200 : scaled
    }

    private mutating func text(_ raw: ArraySlice<UInt8>) {
        let decoded = HTMLSourcePreparation.decodedEntities(raw)
        if openScript > 0 {
            statistics.scripts.append(Array(decoded))
            return
        }
        if openStyle > 0 { return }
        if openAnchor > 0, !statistics.anchors.isEmpty { statistics.anchors[statistics.anchors.count - 1] += decoded }
        if openTitle > 0, !statistics.titles.isEmpty { statistics.titles[statistics.titles.count - 1] += decoded }

        var invisible = false
        if decoded.contains(where: { !ASCII.isPerlSpace($0) && $0 & 0xC0 != 0x80 }) {
            let verdict = styles.visibility()
            if verdict.lowContrast { statistics.fontLowContrast = true }
            if verdict.invalidColor { statistics.fontInvalidColor = true }
            invisible = verdict.lowContrast || verdict.invalidColor || styles.hidesText()
        }
        if hasPiece, let first = decoded.first, let last = lastByte, Self.isWordish(first), Self.isWordish(last) {
            statistics.obfuscation += 1
        }
        display(decoded, whitespace: false, invisible: invisible)
    }

    /// Not white space and not ASCII punctuation.
    static func isWordish(_ byte: UInt8) -> Bool {
        !ASCII.isPerlSpace(byte) && !(0x21...0x2F).contains(byte) && !(0x3A...0x40).contains(byte)
            && !(0x5B...0x60).contains(byte) && !(0x7B...0x7E).contains(byte)
    }

    /// Records a rendered piece in `statistics.rendered` and its last byte (white space collapsed
    /// to one space, a leading space dropped after a white-space piece, as SpamAssassin renders).
    private mutating func display(_ text: ArraySlice<UInt8>, whitespace: Bool, invisible: Bool = false) {
        appendRendered(text, whitespace: whitespace, invisible: invisible)
        if whitespace {
            lastByte = text.last
        } else if text.isEmpty {
            lastByte = nil
        } else if text.allSatisfy({ ASCII.isPerlSpace($0) || $0 == 0xC2 || $0 == 0xA0 }) {
            lastByte = hasPiece && lastPieceIsWhitespace ? nil : 0x20
        } else {
            let last = text[text.endIndex - 1]
            let endsInNBSP = last == 0xA0 && text.count > 1 && text[text.endIndex - 2] == 0xC2
            lastByte = ASCII.isPerlSpace(last) || endsInNBSP ? 0x20 : last
        }
        lastPieceIsWhitespace = whitespace
        hasPiece = true
    }

    /// SpamAssassin's `display_text`: a white-space piece first trims one trailing space off a
    /// visible text piece before it; a text piece has its ASCII white space runs made one space
    /// and, when visible after a white-space piece, loses a leading space.
    private mutating func appendRendered(_ text: ArraySlice<UInt8>, whitespace: Bool, invisible: Bool) {
        if whitespace {
            if hasPiece, !lastPieceIsWhitespace, !lastPieceInvisible, lastPieceEndsInSpace {
                statistics.rendered.removeLast()
            }
            statistics.rendered += text
            lastPieceEndsInSpace = text.last == 0x20
            lastPieceInvisible = false
            return
        }
        // worked on outside `statistics`, uniquely held, so that each append is a plain store
        var rendered = statistics.rendered
        statistics.rendered = []
        let start = rendered.count
        Self.appendCollapsingSpace(text, to: &rendered)
        if hasPiece, !invisible, lastPieceIsWhitespace, rendered.count > start, rendered[start] == 0x20 {
            rendered.remove(at: start)
        }
        lastPieceEndsInSpace = rendered.count > start && rendered.last == 0x20
        statistics.rendered = rendered
        lastPieceInvisible = invisible
    }

    /// `text` with each run of ASCII white space (tab, LF, VT, FF, CR, space) as one space; the
    /// bytes between the runs are copied whole.
    static func appendCollapsingSpace(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let runStart = index
                while index < bytes.count, !ASCII.isPerlSpace(bytes[index]) { index += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                guard index < bytes.count else { break }
                while index < bytes.count, ASCII.isPerlSpace(bytes[index]) { index += 1 }
                output.append(0x20)
            }
        }
    }
}
