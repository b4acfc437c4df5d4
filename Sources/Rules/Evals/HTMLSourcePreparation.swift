/// SpamAssassin's fixes to HTML source before parsing (`&nbsp;` as a space, `<br/>` as `<br>`,
/// curly double quotes as `"`), and the entity decoding HTML::Parser applies to text.
enum HTMLSourcePreparation {
    static func prepare(_ source: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        // source[copied..<index] is plain text not yet in `output`, which stays empty (and the
        // source is returned as it is) until something is replaced
        var copied = 0, index = 0
        let nbsp = Array("&nbsp;".utf8)
        func replace(upTo end: Int, with replacement: some Collection<UInt8>, resumingAt next: Int) {
            if output.isEmpty { output.reserveCapacity(source.count) }
            output += source[copied..<end]
            output += replacement
            index = next
            copied = next
        }
        while true {
            index = source.withUnsafeBufferPointer { Self.candidate(in: $0, from: index) }
            guard index < source.count else { break }
            let byte = source[index]
            if byte == UInt8(ascii: "&"), index + nbsp.count <= source.count, source[index..<(index + nbsp.count)].elementsEqual(nbsp) {
                replace(upTo: index, with: CollectionOfOne(0x20), resumingAt: index + nbsp.count)
            } else if byte == 0xE2, index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] == 0x9C || source[index + 2] == 0x9D {
                replace(upTo: index, with: CollectionOfOne(UInt8(ascii: "\"")), resumingAt: index + 3)
            } else if byte == UInt8(ascii: "<"), let end = selfClosingEnd(source, from: index) {
                replace(upTo: index, with: source[index..<end.nameEnd] + [UInt8(ascii: ">")], resumingAt: end.tagEnd)
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return source }
        output += source[copied...]
        return output
    }

    /// The index of the first byte from `start` on that may begin a replacement (`&`, `<`, or
    /// the lead byte of a curly quote), or the end.
    private static func candidate(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == 0xE2 { break }
            index += 1
        }
        return index
    }

    /// `<word\s*/>` at `index`: where the word ends and where the tag ends.
    static func selfClosingEnd(_ source: [UInt8], from index: Int) -> (nameEnd: Int, tagEnd: Int)? {
        var position = index + 1
        while position < source.count, ByteClass.isWord(source[position]) { position += 1 }
        guard position > index + 1 else { return nil }
        let nameEnd = position
        while position < source.count, ASCII.isPerlSpace(source[position]) { position += 1 }
        guard position + 1 < source.count, source[position] == UInt8(ascii: "/"), source[position + 1] == UInt8(ascii: ">") else { return nil }
        return (nameEnd, position + 2)
    }

    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "laquo": 0xAB, "raquo": 0xBB,
        "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D, "bull": 0x2022, "middot": 0xB7,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "deg": 0xB0, "zwnj": 0x200C, "shy": 0xAD,
    ]

    /// `decodeEntities`, the text itself (no copy) when it holds no `&`.
    static func decodedEntities(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard text.contains(UInt8(ascii: "&")) else { return text }
        return decodeEntities(text)[...]
    }

    /// `&name;`, `&#N;` and `&#xN;` turned into UTF-8; unknown references stay as written.
    static func decodeEntities(_ text: ArraySlice<UInt8>) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return Array(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == UInt8(ascii: "&"), let (scalar, end) = reference(text, at: index) else {
                output.append(text[index])
                index += 1
                continue
            }
            output += Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            index = end
        }
        return output
    }

    private static func reference(_ text: ArraySlice<UInt8>, at index: Int) -> (UInt32, Int)? {
        var position = index + 1
        guard position < text.endIndex else { return nil }
        if text[position] == UInt8(ascii: "#") {
            position += 1
            let hex = position < text.endIndex && (text[position] == UInt8(ascii: "x") || text[position] == UInt8(ascii: "X"))
            if hex { position += 1 }
            let start = position
            while position < text.endIndex, position - start < 8, hex ? ByteClass.isHexDigit(text[position]) : ByteClass.isDigit(text[position]) { position += 1 }
            guard position > start, let value = UInt32(ASCII.string(text[start..<position]), radix: hex ? 16 : 10) else { return nil }
            if position < text.endIndex, text[position] == UInt8(ascii: ";") { position += 1 }
            return (value == 0 || value > 0x10FFFF ? 0xFFFD : value, position)
        }
        let start = position
        while position < text.endIndex, position - start < 10, ByteClass.isLetter(text[position]) || ByteClass.isDigit(text[position]) { position += 1 }
        guard position > start, let value = named[ASCII.string(text[start..<position])] else { return nil }
        if position < text.endIndex, text[position] == UInt8(ascii: ";") { position += 1 }
        return (value, position)
    }
}
