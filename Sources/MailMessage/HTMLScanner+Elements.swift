/// What start and end tags do: the stack of open elements and its visibility, links, anchors,
/// images, the title, and the finished rendering.
extension HTMLScanner {
    // MARK: start tags

    /// Acts on the start tag just read (its attributes are in `attributes`); returns where
    /// reading goes on.
    mutating func openElement(_ element: HTMLElement?, key: UInt64, after tagEnd: Int) -> Int {
        if let element { closeImplied(by: element) }
        var next = state
        if element?.hidesContent == true { next.hidden = true }
        var style: HTMLInlineStyle?
        var colorSet = false, href: Int?, hasImageBackground = false, background: Int32?
        var width: Int?, height: Int?, alt: [UInt8]?, isRefresh = false, content: [UInt8]?
        for attribute in attributes {
            switch attribute.kind {
            case .href, .src, .action, .background, .data, .cite, .longdesc, .poster, .formaction:
                guard let link = HTMLAttributeValue.link(source(attribute.value)) else { continue }
                links.append((link, all.count))
                if attribute.kind == .href, href == nil { href = links.count - 1 }
                if attribute.kind == .background { hasImageBackground = true }
            case .style:
                style = HTMLAttributeValue.with(source(attribute.value)) { HTMLInlineStyle($0) }
            case .color:
                if element == .font || element == .basefont, let color = HTMLAttributeValue.with(source(attribute.value), HTMLColor.parse) {
                    next.foreground = color
                    colorSet = true
                }
            case .bgcolor:
                if let color = HTMLAttributeValue.with(source(attribute.value), HTMLColor.parse) { background = color }
            case .text:
                if element == .body, let color = HTMLAttributeValue.with(source(attribute.value), HTMLColor.parse) { next.foreground = color }
            case .link:
                if element == .body, let color = HTMLAttributeValue.with(source(attribute.value), HTMLColor.parse) { next.link = color }
            case .hidden:
                next.hidden = true
            case .width:
                width = HTMLAttributeValue.with(source(attribute.value), Self.pixels)
            case .height:
                height = HTMLAttributeValue.with(source(attribute.value), Self.pixels)
            case .alt:
                alt = HTMLAttributeValue.decoded(source(attribute.value))
            case .content:
                content = HTMLAttributeValue.decoded(source(attribute.value))
            case .httpEquiv:
                isRefresh = HTMLAttributeValue.with(source(attribute.value)) { ASCIIBytes.equalsLowercase(ASCIIBytes.trimmed($0), "refresh") }
            }
        }
        if let style {
            if style.hides { next.hidden = true }
            if let color = style.color { next.foreground = color; colorSet = true }
            if let styleBackground = style.background { background = styleBackground }
        }
        if hasImageBackground { background = HTMLColor.unknown }
        switch element {
        case .table, .tbody, .thead, .tfoot, .tr:
            next.cellBackground = background ?? state.cellBackground
        case .td, .th:
            next.background = background ?? (state.cellBackground != HTMLColor.unknown ? state.cellBackground : state.background)
            next.cellBackground = HTMLColor.unknown
        default:
            if let background { next.background = background }
        }
        if element == .a, href != nil, !colorSet { next.foreground = next.link }
        guard let element else { return push(key: key, element: nil, visibility: next, after: tagEnd) }

        switch element {
        case .a:
            closeAnchor()
            if let href { openAnchor = (href, all.count) }
        case .img:
            hints.imageCount += 1
            if let width, let height {
                hints.imageArea += width * height
                if width <= 1 && height <= 1 { hints.webBugCount += 1 }
            }
        case .base:
            if hints.baseHref == nil, let href { hints.baseHref = links[href].uri }
        case .body:
            document.foreground = next.foreground
            document.background = next.background
            document.link = next.link
        case .title:
            if title == nil, titleStart == nil { titleStart = all.count }
        case .meta:
            if isRefresh, let content {
                hints.hasMetaRefresh = true
                if let link = Self.refreshTarget(content) { links.append((link, all.count)) }
            }
        case .script: hints.hasScript = true
        case .iframe, .frame: hints.hasIframe = true
        case .form: hints.hasForm = true
        case .object, .embed, .applet: hints.hasEmbeddedObject = true
        default: break
        }

        if element == .br {
            lineBreak()
            return tagEnd
        }
        if element.isVoid {
            textBreak(element.textBreak, hiddenContext: next.textHidden)
            if element == .img, let alt { emitAlternativeText(alt, visibility: next) }
            return tagEnd
        }
        if element.isRawText {
            let close = element == .script ? scriptEnd.next(in: buffer, from: tagEnd) : styleEnd.next(in: buffer, from: tagEnd)
            if let close {
                hints.tagBytes += close - tagEnd
                return close
            }
            // Never closed: what follows is kept, as hidden text, rather than lost.
            hints.malformedMarkupCount += 1
            next.hidden = true
        }
        return push(key: key, element: element, visibility: next, after: tagEnd)
    }

    @inline(__always)
    private mutating func push(key: UInt64, element: HTMLElement?, visibility: HTMLVisibility, after tagEnd: Int) -> Int {
        let level = element?.textBreak ?? .none
        guard !stack.isFull else {
            untrackedDepth += 1
            textBreak(level, hiddenContext: textHidden)
            return tagEnd
        }
        let open = HTMLOpenElement(key: key, element: element, visibility: visibility)
        stack.push(open)
        state = visibility
        textHidden = open.textHidden
        textBreak(level, hiddenContext: textHidden)
        guard element?.keepsWhiteSpace == true else { return tagEnd }
        preDepth += 1
        // A line break right after <pre> is not content.
        if tagEnd < end, base[tagEnd] == 0x0A { return tagEnd + 1 }
        if tagEnd + 1 < end, base[tagEnd] == 0x0D, base[tagEnd + 1] == 0x0A { return tagEnd + 2 }
        return tagEnd
    }

    /// Start tags that close an open element: a new `<li>` the last `<li>`, a cell the last
    /// cell, a block an open `<p>`, a link an open link.
    @inline(__always)
    private mutating func closeImplied(by element: HTMLElement) {
        switch element {
        case .li: popNearest { $0 == .li } stoppingAt: { $0 == .ul || $0 == .ol || $0 == .menu || $0 == .dir }
        case .dt, .dd: popNearest { $0 == .dt || $0 == .dd } stoppingAt: { $0 == .dl }
        case .td, .th: popNearest { $0 == .td || $0 == .th } stoppingAt: { $0 == .tr || $0 == .table }
        case .tr: popNearest { $0 == .tr } stoppingAt: { $0 == .table || $0 == .tbody || $0 == .thead || $0 == .tfoot }
        case .option: popNearest { $0 == .option } stoppingAt: { $0 == .select || $0 == .optgroup }
        case .a: popNearest { $0 == .a } stoppingAt: { _ in false }
        default:
            if element.textBreak >= .line, !element.isVoid, untrackedDepth == 0, stack.last?.element == .p {
                pop(downTo: stack.count - 1)
            }
        }
    }

    @inline(__always)
    private mutating func popNearest(_ isTarget: (HTMLElement) -> Bool, stoppingAt isStop: (HTMLElement) -> Bool) {
        guard untrackedDepth == 0 else { return }
        var index = stack.count - 1
        let lowest = max(0, stack.count - Self.maxImpliedEndSearch)
        while index >= lowest {
            if let element = stack[index].element {
                if isTarget(element) { pop(downTo: index); return }
                if isStop(element) { return }
            }
            index -= 1
        }
    }

    /// Closes the open elements from the top of the stack down to (and with) `index`.
    @inline(__always)
    private mutating func pop(downTo index: Int) {
        while stack.count > index {
            let open = stack.removeLast()
            switch open.element {
            case .a: closeAnchor()
            case .title: closeTitle()
            case let element? where element.keepsWhiteSpace: preDepth = max(0, preDepth - 1)
            default: break
            }
        }
        state = stack.last?.visibility ?? document
        textHidden = stack.last?.textHidden ?? document.textHidden
    }

    // MARK: end tags

    @inline(__always)
    mutating func closeElement(_ element: HTMLElement?, key: UInt64) {
        let hiddenBefore = textHidden
        if element == .br {
            lineBreak()
            return
        }
        if untrackedDepth > 0 {
            untrackedDepth -= 1
        } else {
            // Like browsers, an end tag closes nothing outside the table cell (or table, object…)
            // it stands in: a stray `</tr>` in a nested table leaves the outer table alone.
            var index = stack.count - 1
            let lowest = max(0, stack.count - Self.maxEndTagSearch)
            while index >= lowest, stack[index].key != key, stack[index].element?.isScopeBoundary != true { index -= 1 }
            if index >= lowest, stack[index].key == key { pop(downTo: index) }
        }
        if element == .a { closeAnchor() }
        if element == .title { closeTitle() }
        textBreak(element?.textBreak ?? .none, hiddenContext: hiddenBefore)
    }

    // MARK: anchors, title, images

    mutating func closeAnchor() {
        guard let open = openAnchor else { return }
        openAnchor = nil
        anchors.append((open.link, all.collapsedText(from: open.start)))
    }

    mutating func closeTitle() {
        guard let start = titleStart else { return }
        titleStart = nil
        if title == nil { title = all.collapsedText(from: start) }
    }

    /// An image's `alt` text, rendered as a word group of its own. It stands where the image
    /// would, so colours do not hide it; display:none and the like do.
    private mutating func emitAlternativeText(_ alt: [UInt8], visibility: HTMLVisibility) {
        let savedState = state, savedHidden = textHidden
        state = visibility
        textHidden = visibility.hidden
        alt.withUnsafeBufferPointer { text in
            guard let start = text.baseAddress else { return }
            var position = 0
            while position < text.count {
                if text[position] <= 0x20 {
                    space()
                    position += 1
                    continue
                }
                let wordStart = position
                while position < text.count, text[position] > 0x20 { position += 1 }
                emit(start + wordStart, count: position - wordStart)
            }
        }
        textBreak(.space, hiddenContext: textHidden)
        state = savedState
        textHidden = savedHidden
    }

    /// A width or height in pixels: leading digits, nil for percentages and junk.
    private static func pixels(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        var number = 0, digits = 0
        for byte in value {
            if byte &- 0x30 < 10 {
                number = min(number * 10 + Int(byte - 0x30), 100_000)
                digits += 1
            } else if byte == UInt8(ascii: "%") {
                return nil
            } else if digits > 0 || byte > 0x20 {
                break
            }
        }
        return digits > 0 ? number : nil
    }

    /// The URL in a refresh `content` ("5; url=http://…").
    private static func refreshTarget(_ content: [UInt8]) -> String? {
        let lower = content.map(HeaderText.lowerASCII)
        guard let url = lower.indices.first(where: { lower[$0...].starts(with: Array("url".utf8)) }) else { return nil }
        var position = url + 3
        while position < content.count, content[position] <= 0x20 { position += 1 }
        guard position < content.count, content[position] == UInt8(ascii: "=") else { return nil }
        position += 1
        var value = content[position...].drop(while: { $0 <= 0x20 || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") })
        while let last = value.last, last <= 0x20 || last == UInt8(ascii: "'") || last == UInt8(ascii: "\"") { value = value.dropLast() }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// The source bytes of an attribute value.
    @inline(__always)
    private func source(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    // MARK: the result

    mutating func finish() -> RenderedHTML {
        pop(downTo: 0)
        closeAnchor()
        closeTitle()
        var unclosed = 0, unmatched = 0
        for raw in 0..<HTMLElement.count {
            let element = HTMLElement(rawValue: UInt8(raw))!
            let starts = counts.starts(element), ends = counts.ends(element)
            guard !element.isVoid else { continue }
            if !element.hasOptionalEnd { unclosed += max(0, starts - ends) }
            unmatched += max(0, ends - starts)
        }
        for (name, starts) in unknownStarts { unclosed += max(0, starts - (unknownEnds[name] ?? 0)) }
        for (name, ends) in unknownEnds { unmatched += max(0, ends - (unknownStarts[name] ?? 0)) }
        // No tags at all leaves the arrays empty, as in `HTMLHints()`, so equal hints compare equal.
        let starts = counts.startArray, ends = counts.endArray
        if starts.contains(where: { $0 != 0 }) || ends.contains(where: { $0 != 0 }) {
            hints.elementStarts = starts
            hints.elementEnds = ends
        }
        hints.unknownStarts = unknownStarts
        hints.unknownEnds = unknownEnds
        hints.unclosedTagCount = unclosed
        hints.unmatchedEndTagCount = unmatched
        hints.textBytes = max(0, end - hints.tagBytes - hints.commentBytes)
        hints.hiddenText = hidden.text

        let text = all.text
        let linkBase = hints.baseHref.flatMap(HTMLLinkResolver.Base.init)
        let resolved = links.map { HTMLLinkResolver.resolve($0.uri, base: linkBase) }
        var uris = HTMLURIList()
        var nextLink = 0
        all.withBytes { textBytes in
            URITextScanner.scan(textBytes) { offset, uri in
                while nextLink < links.count, links[nextLink].offset <= offset {
                    if let link = resolved[nextLink] { uris.add(link) }
                    nextLink += 1
                }
                uris.add(uri)
            }
        }
        for link in resolved[nextLink...] {
            if let link { uris.add(link) }
        }

        return RenderedHTML(
            text: text,
            visibleText: visibleSplit ? visible.text : text,
            title: title,
            uris: uris.uris,
            anchors: anchors.map { HTMLAnchor(href: resolved[$0.link] ?? links[$0.link].uri, text: $0.text) },
            hints: hints
        )
    }
}
