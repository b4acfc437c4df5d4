import MailMessage

/// Reads an HTML body for the tokenizer in one pass: the visible text (tags removed, script and
/// style skipped, entities decoded, block tags turned into spaces while inline tags join the
/// text around them, so "V<b></b>iagra" reads as one word) and tokens for what the markup says:
/// tag names (`html:t:`), attribute names (`html:a:`), a few telling attribute values
/// (`html:v:`), links (through `URLTokenizer`), comments and numeric entities hiding letters.
struct HTMLScanner {
    static let tag = TokenPrefix("html:t:")
    static let attribute = TokenPrefix("html:a:")
    static let value = TokenPrefix("html:v:")
    static let flag = TokenPrefix("html:")

    /// Tags longer than this are cut: the rest is read as text.
    static let maxTagBytes = 4096

    /// The visible text of `html`, appended to `text`; markup tokens go to `sink`.
    static func scan(_ html: UnsafeBufferPointer<UInt8>, text: inout [UInt8], into sink: inout TokenSink) {
        var index = 0
        let count = html.count
        text.reserveCapacity(text.count + count / 2)
        while index < count {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                if URLTokenizer.hasPrefix(html, at: index, "<!--") {
                    sink.emit(flag, "comment")
                    index = find(html, "-->", from: index + 4).map { $0 + 3 } ?? count
                    continue
                }
                if let end = tag(html, at: index, text: &text, into: &sink) {
                    index = end
                    continue
                }
                text.append(byte)
                index += 1
            } else if byte == UInt8(ascii: "&") {
                index = entity(html, at: index, text: &text, into: &sink)
            } else {
                // A run of text up to the next markup, appended at once.
                var end = index + 1
                while end < count, html[end] != UInt8(ascii: "<"), html[end] != UInt8(ascii: "&") { end += 1 }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: html[index..<end]))
                index = end
            }
        }
    }

    /// Reads the tag at `start` ("<name ...>" or "</name>"); returns where reading goes on, or nil
    /// when this "<" does not start a tag.
    private static func tag(_ html: UnsafeBufferPointer<UInt8>, at start: Int, text: inout [UInt8], into sink: inout TokenSink) -> Int? {
        var index = start + 1
        let count = html.count
        guard index < count else { return nil }
        var closing = false
        if html[index] == UInt8(ascii: "/") {
            closing = true
            index += 1
        } else if html[index] == UInt8(ascii: "!") || html[index] == UInt8(ascii: "?") {
            // Doctype, CDATA or processing instruction: skipped whole.
            return find(html, ">", from: index).map { $0 + 1 } ?? count
        }
        let nameStart = index
        while index < count, ByteClass.isAlnum(html[index]), index - nameStart < 16 { index += 1 }
        guard index > nameStart, ByteClass.isLetter(html[nameStart]) else { return nil }
        let name = UnsafeBufferPointer(rebasing: html[nameStart..<index])
        let end = tagEnd(html, from: index)
        if !closing {
            sink.emit(tag, lowering: name)
            attributes(UnsafeBufferPointer(rebasing: html[index..<min(end, count)]), tag: name, into: &sink)
        }
        if isBlock(name) { text.append(UInt8(ascii: " ")) }
        var next = min(end + 1, count)
        if !closing, equalsLower(name, "script") || equalsLower(name, "style") {
            let closer: StaticString = equalsLower(name, "script") ? "</script" : "</style"
            next = findIgnoringCase(html, closer, from: next) ?? count
        }
        return next
    }

    /// The ">" ending a tag, quotes respected, within `maxTagBytes`.
    private static func tagEnd(_ html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var quote: UInt8 = 0
        let limit = min(html.count, start + maxTagBytes)
        while index < limit {
            let byte = html[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return limit
    }

    private static func attributes(_ body: UnsafeBufferPointer<UInt8>, tag: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        var index = 0
        let count = body.count
        var scratch: [UInt8] = []
        while index < count {
            while index < count, !ByteClass.isLetter(body[index]) { index += 1 }
            let nameStart = index
            while index < count, ByteClass.isAlnum(body[index]) || body[index] == UInt8(ascii: "-") { index += 1 }
            guard index > nameStart else { break }
            let name = UnsafeBufferPointer(rebasing: body[nameStart..<index])
            sink.emit(attribute, lowering: name)
            while index < count, ByteClass.isSpace(body[index]) { index += 1 }
            guard index < count, body[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < count, ByteClass.isSpace(body[index]) { index += 1 }
            var valueStart = index, valueEnd = index
            if index < count, body[index] == UInt8(ascii: "\"") || body[index] == UInt8(ascii: "'") {
                let quote = body[index]
                valueStart = index + 1
                valueEnd = valueStart
                while valueEnd < count, body[valueEnd] != quote { valueEnd += 1 }
                index = min(valueEnd + 1, count)
            } else {
                while valueEnd < count, !ByteClass.isSpace(body[valueEnd]), body[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                index = valueEnd
            }
            let value = UnsafeBufferPointer(rebasing: body[valueStart..<valueEnd])
            attributeValue(name: name, value: value, tag: tag, into: &sink, scratch: &scratch)
        }
    }

    private static func attributeValue(
        name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, tag: UnsafeBufferPointer<UInt8>,
        into sink: inout TokenSink, scratch: inout [UInt8]
    ) {
        if equalsLower(name, "href") || equalsLower(name, "src") || equalsLower(name, "action") || equalsLower(name, "background") {
            if let start = value.firstIndex(where: { !ByteClass.isSpace($0) }), let end = URLTokenizer.urlEnd(in: value, at: start) {
                URLTokenizer.tokenize(UnsafeBufferPointer(rebasing: value[start..<end]), into: &sink)
            } else if URLTokenizer.hasPrefix(value, at: 0, "mailto:") {
                sink.emit(flag, "mailto")
            }
            return
        }
        if equalsLower(name, "style") {
            if contains(value, "display:none") || contains(value, "visibility:hidden") { sink.emit(flag, "hidden-style") }
            if contains(value, "font-size:0") || contains(value, "font-size:1px") { sink.emit(flag, "tiny-font") }
            return
        }
        guard value.count <= 24, equalsLower(name, "color") || equalsLower(name, "bgcolor") || equalsLower(name, "size")
            || equalsLower(name, "face") || equalsLower(name, "align") else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: tag)
        scratch.append(UInt8(ascii: "."))
        scratch.append(contentsOf: name)
        scratch.append(UInt8(ascii: "="))
        for byte in value where !ByteClass.isSpace(byte) && byte != UInt8(ascii: "\"") { scratch.append(byte) }
        scratch.withUnsafeBufferPointer { sink.emit(Self.value, lowering: $0) }
    }

    /// Decodes the character reference at `start` into `text` as browsers read it (every HTML 4
    /// name, `&nbsp` and the other legacy names without `;`, 0x80-0x9F as Windows-1252);
    /// returns where reading goes on. A no-break space or a control character is a space.
    private static func entity(_ html: UnsafeBufferPointer<UInt8>, at start: Int, text: inout [UInt8], into sink: inout TokenSink) -> Int {
        guard let base = html.baseAddress, let match = HTMLEntities.match(base, from: start + 1, end: html.count, inAttribute: false) else {
            text.append(UInt8(ascii: "&"))
            return start + 1
        }
        let value = match.scalar
        if match.isNumeric, value < 0x80, ByteClass.isAlnum(UInt8(value)) { sink.emit(flag, "entity-letter") }
        if value < 0x20 || value == 0xA0 {
            text.append(UInt8(ascii: " "))
        } else if let scalar = Unicode.Scalar(value) {
            UTF8.encode(scalar) { text.append($0) }
        }
        return match.end
    }

    /// Tags that break the text (a space where they stand); inline tags join the text around them.
    private static func isBlock(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count <= 10 else { return false }
        var key: UInt64 = 0
        for byte in name { key = key << 8 | UInt64(ByteClass.lower(byte)) }
        return blockKeys.contains(key)
    }

    private static let blockKeys: Set<UInt64> = Set([
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "img", "input",
        "li", "meta", "ol", "option", "p", "pre", "section", "select", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "title", "tr", "ul",
    ].map { name in name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    static func equalsLower(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && URLTokenizer.hasPrefix(bytes, at: 0, word)
    }

    private static func find(_ html: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        let first = needle.utf8Start[0]
        var index = start
        while index < html.count {
            if html[index] == first, URLTokenizer.hasPrefix(html, at: index, needle) { return index }
            index += 1
        }
        return nil
    }

    private static func findIgnoringCase(_ html: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        var index = start
        while index < html.count {
            if html[index] == UInt8(ascii: "<"), URLTokenizer.hasPrefix(html, at: index, needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `value` contains `needle`, ignoring case and white space in `value`.
    private static func contains(_ value: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let compact = value.filter { !ByteClass.isSpace($0) }
        return compact.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if URLTokenizer.hasPrefix(buffer, at: index, needle) { return true }
                index += 1
            }
            return false
        }
    }
}
