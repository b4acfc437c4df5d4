/// A Perl regex literal from a rule file cut into delimiters, body and modifiers, the way
/// SpamAssassin's `compile_regexp` does it: `/…/`, or `m` / `qr` followed by any non-word
/// delimiter, with `{} () [] <>` paired. The closing delimiter is the last one, followed only by
/// modifier letters, so `m{a{2}}` has the body `a{2}`.
struct PerlRegexLiteral: Sendable, Hashable {
    var body: [UInt8]
    var openDelimiter: UInt8
    var closeDelimiter: UInt8
    var modifiers: [UInt8]

    init(body: [UInt8], openDelimiter: UInt8, closeDelimiter: UInt8, modifiers: [UInt8]) {
        self.body = body
        self.openDelimiter = openDelimiter
        self.closeDelimiter = closeDelimiter
        self.modifiers = modifiers
    }

    init(parsing text: ArraySlice<UInt8>) throws(RegexConversionError) {
        var start = text.startIndex
        guard start < text.endIndex else { throw RegexConversionError("empty regular expression") }
        if text[start] == UInt8(ascii: "/") {
            openDelimiter = UInt8(ascii: "/")
            closeDelimiter = openDelimiter
            start += 1
        } else {
            if text[start] == UInt8(ascii: "m") {
                start += 1
            } else if text[start...].starts(with: [UInt8(ascii: "q"), UInt8(ascii: "r")]) {
                start += 2
            } else {
                throw RegexConversionError("missing regexp delimiters (write /pattern/ or m{pattern})")
            }
            guard start < text.endIndex else { throw RegexConversionError("missing regexp delimiters") }
            let open = text[start]
            if open == UInt8(ascii: "\\") { throw RegexConversionError("backslash delimiter not allowed") }
            if ByteClass.isWord(open) || ByteClass.isSpace(open) {
                throw RegexConversionError("missing regexp delimiters (write /pattern/ or m{pattern})")
            }
            openDelimiter = open
            closeDelimiter = Self.closing(for: open)
            start += 1
        }

        var end = text.endIndex
        while end > start, ByteClass.isLowerLetter(text[end - 1]) { end -= 1 }
        guard end > start, text[end - 1] == closeDelimiter else {
            throw RegexConversionError("missing closing delimiter '\(Character(Unicode.Scalar(closeDelimiter)))'")
        }
        modifiers = Array(text[end...])
        body = Array(text[start..<(end - 1)])
        if modifiers.contains(UInt8(ascii: "e")) { throw RegexConversionError("modifier 'e' is not allowed") }
        if openDelimiter == closeDelimiter, let position = Self.unescapedDelimiter(closeDelimiter, in: body) {
            throw RegexConversionError("unescaped delimiter '\(Character(Unicode.Scalar(closeDelimiter)))' inside the pattern at offset \(position)")
        }
    }

    var isBracketed: Bool { openDelimiter != closeDelimiter }

    static func closing(for open: UInt8) -> UInt8 {
        switch open {
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        case UInt8(ascii: "<"): UInt8(ascii: ">")
        default: open
        }
    }

    private static func unescapedDelimiter(_ delimiter: UInt8, in body: [UInt8]) -> Int? {
        var index = 0
        while index < body.count {
            if body[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if body[index] == delimiter { return index }
            index += 1
        }
        return nil
    }
}
