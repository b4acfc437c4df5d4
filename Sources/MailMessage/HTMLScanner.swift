/// The single pass over HTML bytes behind `HTMLRenderer`. It reads text runs, references and
/// markup in one forward walk, keeps a bounded stack of open elements with the visibility of
/// their content, and writes the rendered text (all, visible, hidden), links and hints as it goes.
///
/// Linear time on any input: searches for `>`, quotes, `-->` and `</script` remember their
/// answers (`HTMLForwardSearch`); a tag whose quotes run to the end of the input is read once
/// more in a simpler mode (a tag ends at its first `>`) that then stays on for the document; end
/// tags look only `maxEndTagSearch` elements down the stack.
struct HTMLScanner: ~Copyable {
    /// Open elements tracked for visibility; deeper ones are counted, not tracked.
    static let maxOpenElements = 1024
    /// How far down the stack an end tag looks for its start tag.
    static let maxEndTagSearch = 64
    /// How far down the stack a start tag looks for an element it closes (`<li>` an open `<li>`).
    static let maxImpliedEndSearch = 8
    /// Longer unknown tag names are cut to this many bytes in `HTMLHints.tagCounts`.
    static let maxTagNameBytes = 64

    /// Byte classes for text: 0 text, 1 white space or control, 2 `<`, 3 `&`, 4 the lead byte of
    /// a character that needs a look (C2: no-break space, soft hyphen; E2: Unicode spaces and
    /// zero-width characters; EF: byte order mark).
    static let classTable: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0...0x20, 0x7F: 1
        case 0x3C: 2
        case 0x26: 3
        case 0xC2, 0xE2, 0xEF: 4
        default: 0
        }
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    let end: Int
    let classes: UnsafePointer<UInt8>
    let elementSlots: UnsafePointer<HTMLElement.Slot>

    var all: HTMLTextSink
    var visible = HTMLTextSink()
    var hidden = HTMLTextSink()
    /// False while no text was hidden: `visible` then equals `all` and is not written.
    var visibleSplit = false

    var stack = HTMLElementStack(limit: maxOpenElements)
    var untrackedDepth = 0
    /// The visibility outside any element (changed by `<body>` colours).
    var document = HTMLVisibility.document
    var state = HTMLVisibility.document
    var textHidden = false
    var preDepth = 0

    var counts = HTMLTagCounts()
    var unknownStarts: [String: Int] = [:]
    var unknownEnds: [String: Int] = [:]
    var hints = HTMLHints()

    /// Link attribute values as written (entity-decoded), with the rendered-text offset they
    /// stand at, for ordering them among the URIs of the text.
    var links: [(uri: String, offset: Int)] = []
    /// Links with their text: the index of the href in `links`, and the text.
    var anchors: [(link: Int, text: String)] = []
    var openAnchor: (link: Int, start: Int)?
    var titleStart: Int?
    var title: String?

    var honorQuotes = true
    var greaterThan = HTMLForwardSearch(.byte(UInt8(ascii: ">")))
    /// The offset of the last `>` in the input (-1 when there is none): a tag can only be
    /// complete when it starts before it.
    let lastGreaterThan: Int
    var doubleQuote = HTMLForwardSearch(.byte(UInt8(ascii: "\"")))
    var singleQuote = HTMLForwardSearch(.byte(UInt8(ascii: "'")))
    var commentEnd = HTMLForwardSearch(.sequence("-->"))
    var cdataEnd = HTMLForwardSearch(.sequence("]]>"))
    var scriptEnd = HTMLForwardSearch(.endTag("script"))
    var styleEnd = HTMLForwardSearch(.endTag("style"))
    var attributes: [HTMLAttribute] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>, elementSlots: UnsafePointer<HTMLElement.Slot>,
         base: UnsafePointer<UInt8>) {
        self.buffer = buffer
        self.base = base
        self.end = buffer.count
        self.classes = classes
        self.elementSlots = elementSlots
        self.all = HTMLTextSink(capacity: buffer.count / 2)
        var last = buffer.count - 1
        while last >= 0, base[last] != UInt8(ascii: ">") { last -= 1 }
        self.lastGreaterThan = last
        attributes.reserveCapacity(8)
    }

    // MARK: the walk

    mutating func run() {
        var position = 0
        while position < end {
            switch classes[Int(base[position])] {
            case 0: position = textRun(from: position)
            case 1: position = whiteSpace(from: position)
            case 2: position = markup(at: position)
            case 3: position = reference(at: position)
            default: position = special(at: position)
            }
        }
    }

    /// Text from `start` (taken whatever it is) through following text bytes and single spaces
    /// between them.
    @inline(__always)
    private mutating func textRun(from start: Int) -> Int {
        var position = Self.skipPlainText(base, from: start + 1, end: end)
        while position < end {
            let kind = classes[Int(base[position])]
            if kind == 0 { position &+= 1; continue }
            if kind == 1, base[position] == 0x20, position + 1 < end, classes[Int(base[position + 1])] == 0 {
                position &+= 2
                continue
            }
            break
        }
        emit(base + start, count: position - start)
        return position
    }

    /// Moves over text that needs no look, eight bytes at a time: bytes that are not control
    /// characters, `<`, `&`, DEL or the lead bytes of class 4, and spaces that are not doubled.
    /// Stops at or before the first byte that needs one (the byte loop takes over there).
    @inline(__always)
    static func skipPlainText(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        @inline(__always) func bytesEqual(_ value: UInt64, _ byte: UInt8) -> UInt64 { zeroBytes(value ^ (ones &* UInt64(byte))) }
        let raw = UnsafeRawPointer(base)
        var position = start
        while position + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            // Bytes below 0x20 (a borrow test, valid for bytes without the top bit), then the rest.
            var stops = (word &- ones &* 0x20) & ~word & highs
            stops |= bytesEqual(word, 0x3C) | bytesEqual(word, 0x26) | bytesEqual(word, 0x7F)
            stops |= bytesEqual(word, 0xC2) | bytesEqual(word, 0xE2) | bytesEqual(word, 0xEF)
            let spaces = bytesEqual(word, 0x20)
            // A space followed by a space, or a space in the last byte: let the byte loop decide.
            stops |= spaces & (spaces >> 8 | highs << 56)
            if stops != 0 {
                let stop = position + stops.trailingZeroBitCount / 8
                // A space just before the stop may be trailing white space: the byte loop decides.
                return stop > start && base[stop - 1] == 0x20 ? stop - 1 : stop
            }
            position &+= 8
        }
        return position
    }

    private mutating func whiteSpace(from start: Int) -> Int {
        if preDepth > 0 {
            let byte = base[start]
            if byte == 0x0D {
                emitLiteral(0x0A)
                return start + 1 < end && base[start + 1] == 0x0A ? start + 2 : start + 1
            }
            emitLiteral(byte == 0x0A || byte == 0x09 ? byte : 0x20)
            return start + 1
        }
        var position = start + 1
        // Runs of padding (spam pads with kilobytes of it): eight bytes at a time while all are
        // at most 0x20 (a carry out of a byte can only make the test fail, never pass).
        let raw = UnsafeRawPointer(base)
        while position + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            guard (word &+ 0x5F5F_5F5F_5F5F_5F5F | word) & 0x8080_8080_8080_8080 == 0 else { break }
            position &+= 8
        }
        while position < end, classes[Int(base[position])] == 1 { position &+= 1 }
        space()
        return position
    }

    /// A lead byte of class 4: Unicode spaces become white space, invisible characters go.
    private mutating func special(at start: Int) -> Int {
        let second = start + 1 < end ? base[start + 1] : 0
        let third = start + 2 < end ? base[start + 2] : 0
        switch base[start] {
        case 0xC2:
            if second == 0xA0 { spaceOrLiteral(); return start + 2 }
            if second == 0xAD { hints.obfuscatedCharacterCount += 1; return start + 2 }
        case 0xE2:
            if second == 0x80 {
                switch third {
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF: spaceOrLiteral(); return start + 3
                case 0x8B...0x8F, 0xAA...0xAE: hints.obfuscatedCharacterCount += 1; return start + 3
                default: break
                }
            } else if second == 0x81 {
                if third == 0x9F { spaceOrLiteral(); return start + 3 }
                if (0xA0...0xA4).contains(third) { hints.obfuscatedCharacterCount += 1; return start + 3 }
            }
        case 0xEF:
            if second == 0xBB && third == 0xBF { return start + 3 }
        default:
            break
        }
        return textRun(from: start)
    }

    private mutating func reference(at start: Int) -> Int {
        guard let match = HTMLEntities.match(base, from: start + 1, end: end, inAttribute: false) else {
            return textRun(from: start)
        }
        let value = match.scalar
        if match.isNumeric, value < 0x80, (value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26) {
            hints.obfuscatedCharacterCount += 1
        }
        emit(scalar: value)
        return match.end
    }

    // MARK: markup

    @inline(__always)
    private mutating func markup(at start: Int) -> Int {
        let next = start + 1
        guard next < end else { return textRun(from: start) }
        let byte = base[next]
        if (byte | 0x20) &- 0x61 < 26 { return startTag(at: start) }
        switch byte {
        case UInt8(ascii: "/"):
            guard next + 1 < end else { return textRun(from: start) }
            if (base[next + 1] | 0x20) &- 0x61 < 26 { return endTag(at: start) }
            if base[next + 1] == UInt8(ascii: ">") { hints.tagBytes += 3; return start + 3 }
            return bogusComment(at: start, contentStart: next + 1)
        case UInt8(ascii: "!"):
            if startsWith("<!--", at: start) { return comment(at: start) }
            if startsWith("<![CDATA[", at: start) { return cdata(at: start) }
            return bogusComment(at: start, contentStart: next + 1)
        case UInt8(ascii: "?"):
            return bogusComment(at: start, contentStart: next + 1)
        default:
            return textRun(from: start)
        }
    }

    private func startsWith(_ literal: StaticString, at start: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= end else { return false }
        let bytes = literal.utf8Start
        for index in 0..<count where base[start + index] != bytes[index] { return false }
        return true
    }

    /// `<!DOCTYPE …>`, `<?xml …?>`, `</ …>` and other markup that ends at the next `>`.
    private mutating func bogusComment(at start: Int, contentStart: Int) -> Int {
        guard let close = greaterThan.next(in: buffer, from: contentStart) else {
            hints.malformedMarkupCount += 1
            return textRun(from: start)
        }
        hints.tagBytes += close + 1 - start
        return close + 1
    }

    /// `<!-- … -->`. One without `-->` ends at the first `>` (so it hides no more than an
    /// ordinary tag would); with no `>` at all its `<` is text.
    private mutating func comment(at start: Int) -> Int {
        let contentStart = start + 4
        var after: Int
        if contentStart < end, base[contentStart] == UInt8(ascii: ">") {
            after = contentStart + 1
        } else if contentStart + 1 < end, base[contentStart] == UInt8(ascii: "-"), base[contentStart + 1] == UInt8(ascii: ">") {
            after = contentStart + 2
        } else if let close = commentEnd.next(in: buffer, from: contentStart) {
            after = close + 3
        } else if let close = greaterThan.next(in: buffer, from: contentStart) {
            hints.malformedMarkupCount += 1
            after = close + 1
        } else {
            hints.malformedMarkupCount += 1
            return textRun(from: start)
        }
        hints.commentBytes += after - start
        return after
    }

    private mutating func cdata(at start: Int) -> Int {
        let contentStart = start + 9
        var after: Int
        if let close = cdataEnd.next(in: buffer, from: contentStart) {
            after = close + 3
        } else if let close = greaterThan.next(in: buffer, from: contentStart) {
            hints.malformedMarkupCount += 1
            after = close + 1
        } else {
            hints.malformedMarkupCount += 1
            return textRun(from: start)
        }
        hints.tagBytes += after - start
        return after
    }

    /// `<name attributes…>`; returns the offset after it.
    private mutating func startTag(at start: Int) -> Int {
        guard start < lastGreaterThan else {
            hints.malformedMarkupCount += 1
            return textRun(from: start)
        }
        // Only the simple mode needs to know the first `>` beforehand.
        let firstClose = honorQuotes ? end : greaterThan.next(in: buffer, from: start + 1) ?? end
        // Element by element: `removeAll(keepingCapacity:)` goes through a generic replaceSubrange.
        while !attributes.isEmpty { attributes.removeLast() }
        var position = start + 1
        let nameStart = position
        while position < end {
            let byte = base[position]
            if byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            position &+= 1
        }
        let nameEnd = position
        while true {
            while position < end, base[position] <= 0x20 || base[position] == UInt8(ascii: "/") { position &+= 1 }
            guard position < end else { return retryWithoutQuotes(start) }
            if base[position] == UInt8(ascii: ">") { position &+= 1; break }
            let attributeStart = position
            position &+= 1
            while position < end {
                let byte = base[position]
                if byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
                position &+= 1
            }
            let kind = HTMLAttributeKind(base + attributeStart, count: position - attributeStart)
            while position < end, base[position] <= 0x20 { position &+= 1 }
            var value = position..<position
            if position < end, base[position] == UInt8(ascii: "=") {
                position &+= 1
                while position < end, base[position] <= 0x20 { position &+= 1 }
                guard position < end else { return retryWithoutQuotes(start) }
                let quote = base[position]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = position + 1
                    let close = quote == UInt8(ascii: "\"")
                        ? doubleQuote.next(in: buffer, from: valueStart) : singleQuote.next(in: buffer, from: valueStart)
                    if honorQuotes, let close {
                        value = valueStart..<close
                        position = close + 1
                    } else if !honorQuotes, let close, close < firstClose {
                        value = valueStart..<close
                        position = close + 1
                    } else {
                        // An unterminated quote (or, in the simple mode, one that runs past the
                        // tag's first `>`) ends at the next `>`.
                        guard let tagClose = honorQuotes ? greaterThan.next(in: buffer, from: valueStart) : Optional(firstClose) else {
                            return retryWithoutQuotes(start)
                        }
                        hints.malformedMarkupCount += 1
                        value = valueStart..<tagClose
                        position = tagClose
                    }
                } else {
                    let valueStart = position
                    while position < end, base[position] > 0x20, base[position] != UInt8(ascii: ">") { position &+= 1 }
                    value = valueStart..<position
                }
            }
            if let kind { attributes.append(HTMLAttribute(kind: kind, value: value)) }
        }
        hints.tagBytes += position - start
        let element = HTMLElement.lookup(base + nameStart, count: nameEnd - nameStart, in: elementSlots, readable: end - nameStart)
        let key = countStart(element, nameStart: nameStart, nameEnd: nameEnd)
        return openElement(element, key: key, after: position)
    }

    /// The tag at `start` ran to the end of the input inside quotes: from now on tags end at
    /// their first `>`, and this one is read again that way.
    private mutating func retryWithoutQuotes(_ start: Int) -> Int {
        hints.malformedMarkupCount += 1
        if honorQuotes {
            honorQuotes = false
            return startTag(at: start)
        }
        return textRun(from: start)
    }

    /// `</name …>`: everything up to the next `>` belongs to it.
    private mutating func endTag(at start: Int) -> Int {
        guard start < lastGreaterThan else {
            hints.malformedMarkupCount += 1
            return textRun(from: start)
        }
        let nameStart = start + 2
        var nameEnd = nameStart
        while base[nameEnd] > 0x20, base[nameEnd] != UInt8(ascii: "/"), base[nameEnd] != UInt8(ascii: ">") { nameEnd += 1 }
        var close = nameEnd
        while base[close] != UInt8(ascii: ">") { close += 1 }
        hints.tagBytes += close + 1 - start
        let element = HTMLElement.lookup(base + nameStart, count: nameEnd - nameStart, in: elementSlots, readable: end - nameStart)
        let key = countEnd(element, nameStart: nameStart, nameEnd: nameEnd)
        closeElement(element, key: key)
        return close + 1
    }

    // MARK: tag names

    @inline(__always)
    private mutating func countStart(_ element: HTMLElement?, nameStart: Int, nameEnd: Int) -> UInt64 {
        if let element {
            counts.countStart(element)
            return UInt64(element.rawValue)
        }
        hints.unknownTagCount += 1
        let (name, key) = unknownName(nameStart, nameEnd)
        if unknownStarts[name] != nil || unknownStarts.count + unknownEnds.count < HTMLHints.maxDistinctTagNames {
            unknownStarts[name, default: 0] += 1
        }
        return key
    }

    @inline(__always)
    private mutating func countEnd(_ element: HTMLElement?, nameStart: Int, nameEnd: Int) -> UInt64 {
        if let element {
            counts.countEnd(element)
            return UInt64(element.rawValue)
        }
        let (name, key) = unknownName(nameStart, nameEnd)
        if unknownEnds[name] != nil || unknownStarts.count + unknownEnds.count < HTMLHints.maxDistinctTagNames {
            unknownEnds[name, default: 0] += 1
        }
        return key
    }

    /// An unknown tag name, lower-cased and cut to `maxTagNameBytes`, and its stack key.
    private func unknownName(_ start: Int, _ end: Int) -> (String, UInt64) {
        let count = min(end - start, Self.maxTagNameBytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let lowered = UnsafeBufferPointer(start: base + start, count: count).map { byte -> UInt8 in
            let lower = HeaderText.lowerASCII(byte)
            hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
            return lower
        }
        return (String(decoding: lowered, as: UTF8.self), hash | 1 << 63)
    }

    // MARK: text out

    @inline(__always)
    mutating func emit(_ start: UnsafePointer<UInt8>, count: Int) {
        if textHidden {
            splitVisible()
            hidden.append(start, count: count)
        } else if visibleSplit {
            visible.append(start, count: count)
            hidden.requestBreak(.space)
        }
        all.append(start, count: count)
    }

    mutating func emit(scalar value: UInt32) {
        switch value {
        case 0xA0, 0x2002, 0x2003, 0x2009:
            spaceOrLiteral()
        case 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF:
            hints.obfuscatedCharacterCount += 1
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20:
            if preDepth > 0 { emitLiteral(value == 0x0D ? 0x0A : UInt8(value)) } else { space() }
        default:
            let (packed, count) = Self.utf8(value)
            withUnsafeBytes(of: packed.littleEndian) { emit($0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count) }
        }
    }

    /// The UTF-8 form of a scalar value, first byte lowest, and its length.
    @inline(__always)
    static func utf8(_ value: UInt32) -> (UInt32, Int) {
        switch value {
        case 0..<0x80:
            return (value, 1)
        case 0x80..<0x800:
            return ((0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8, 2)
        case 0x800..<0x10000:
            return ((0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16, 3)
        default:
            return ((0xF0 | value >> 18) | (0x80 | value >> 12 & 0x3F) << 8 | (0x80 | value >> 6 & 0x3F) << 16 | (0x80 | value & 0x3F) << 24, 4)
        }
    }

    private mutating func emitLiteral(_ byte: UInt8) {
        withUnsafePointer(to: byte) { emit($0, count: 1) }
    }

    private mutating func spaceOrLiteral() {
        if preDepth > 0 { emitLiteral(0x20) } else { space() }
    }

    /// Collapsible white space in the text.
    @inline(__always)
    mutating func space() {
        all.requestBreak(.space)
        if textHidden { hidden.requestBreak(.space) } else if visibleSplit { visible.requestBreak(.space) }
    }

    /// A break from a tag, in text that is hidden or not.
    @inline(__always)
    mutating func textBreak(_ level: HTMLTextBreak, hiddenContext: Bool) {
        guard level != .none else { return }
        all.requestBreak(level)
        if hiddenContext {
            hidden.requestBreak(level)
        } else {
            if visibleSplit { visible.requestBreak(level) }
            hidden.requestBreak(.space)
        }
    }

    mutating func lineBreak() {
        all.requestLineBreak()
        if textHidden {
            hidden.requestLineBreak()
        } else {
            if visibleSplit { visible.requestLineBreak() }
            hidden.requestBreak(.space)
        }
    }

    /// The first hidden text: from here on `visible` is written separately.
    @inline(__always)
    private mutating func splitVisible() {
        guard !visibleSplit else { return }
        visibleSplit = true
        visible = all.copy()
    }
}
