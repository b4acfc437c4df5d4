/// SpamAssassin's own relaxed address-list parser (`Util::_parse_header_addresses`, used when
/// Email::Address::XS is absent, as on Debian): what `:addr` and `:name` header rules see, with
/// addresses kept exactly as written (no case folding) and empty display names kept.
enum HeaderAddressParser {
    struct Entry: Equatable {
        var phrase: [UInt8]?
        var address: [UInt8]?
    }

    static func parse(_ raw: [UInt8]) -> [Entry] {
        var text = raw
        while let last = text.last, isSpace(last) { text.removeLast() }
        // each pattern needs a byte the text may lack: then it would leave the text as it is
        if text.contains(backslash) { text = escapedBackslash.replacing(in: text, global: true) { _ in [] } }
        if text.contains(colon) { text = groupPrefix.replacing(in: text) { $0[1] ?? [] } }
        guard text.contains(where: { !isSpace($0) }) else { return [] }

        var entries: [Entry] = []
        while !text.isEmpty, let groups = entry.groups(text), let whole = groups[0], !whole.isEmpty {
            text.removeFirst(whole.count)
            var phrase = groups[1] ?? groups[4]
            var address = groups[2] ?? groups[3]
            let comment = groups[5]
            if groups[2] != nil, let bracketed = address {
                let stripped = bracketed.contains(openParenthesis) ? comment_.replacing(in: bracketed, global: true) { _ in [] } : bracketed
                address = wholeMail.matches(stripped) ? stripped : nil
            }
            if !isValid(address) { address = nil }
            if let original = phrase {
                let cleaned = cleanedPhrase(original)
                if address == nil, wholeMail.matches(cleaned), isValid(cleaned), let host = hostOf(cleaned),
                   TextURIFinder.isFQDNValid(URICanonicalizer.idnToASCII(host)) {
                    address = cleaned
                    phrase = nil
                } else if let address, cleaned == address {
                    phrase = nil
                } else {
                    phrase = cleaned.isEmpty ? nil : cleaned
                }
            }
            if phrase == nil, let comment { phrase = comment }
            if let current = address, let at = current.firstIndex(of: UInt8(ascii: "@")) {
                let afterAt = current[(at + 1)...]
                let end = afterAt.firstIndex(of: UInt8(ascii: "@")) ?? current.endIndex
                address = Array(current[..<end])
            }
            entries.append(Entry(phrase: phrase, address: address))
        }
        return entries
    }

    /// Quoted strings unquoted, comments dropped, other text kept.
    private static func cleanedPhrase(_ phrase: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        phrase.withUnsafeBufferPointer { buffer in
            var position = 0
            while position < buffer.count, let groups = phrasePiece.regex.captures(in: buffer, from: position), let whole = groups[0] {
                position = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
                if let quoted = groups[1] {
                    var piece = Array(buffer[quoted])
                    if piece.contains(backslash) {
                        piece = unescape.replacing(in: piece, global: true) { _ in [] }
                        piece = doubleBackslash.replacing(in: piece, global: true) { _ in [UInt8(ascii: "\\")] }
                    }
                    result += piece
                } else if let plain = groups[2] {
                    let piece = Array(buffer[plain])
                    result += piece.contains(openParenthesis) ? comment_.replacing(in: piece, global: true) { _ in [] } : piece
                }
            }
        }
        return result
    }

    /// `_valid_parsed_address`.
    private static func isValid(_ address: [UInt8]?) -> Bool {
        guard let address else { return false }
        if address.starts(with: Array("\"\"@".utf8)) { return false }
        return address.filter { $0 == UInt8(ascii: "\"") }.count != 1
    }

    private static func hostOf(_ address: [UInt8]) -> [UInt8]? {
        guard let at = address.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let rest = address[(at + 1)...]
        return Array(rest.prefix { $0 != UInt8(ascii: "@") })
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":")
    private static let openParenthesis = UInt8(ascii: "(")

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    // MARK: patterns

    private static let quoted = #""(?:|(?:[^"\\]++|\\.)*+)""#
    private static let mail = "(?:\(quoted)|[^@\\s<>()\\[\\],:;]+)@(?:[^\"\\s<>()\\[\\],:;]+|\\[[\\d:.]+\\])"
    private static let phraseText = "(?:\(quoted)|[^\",;<]++)+"
    static let escapedBackslash = PerlPattern(#"\\\\"#)
    static let groupPrefix = PerlPattern(#"^[^"()<>]+:\s*(.*?)\s*(?:;.*)?"#, .dotAll)
    static let entry = PerlPattern(
        "^\\s*(?:(?:(\(phraseText))\\s*)?<\\s*([^>@]*\\S+|\\s*)\\s*>(?:\\s*<\\s*(?:(?:\(quoted))?\\S+|\\s*)\\s*>)*"
            + "|(?:(\(mail))|(\(phraseText))))(?:\\s*\\(((?:|(?:[^()\\\\]++|\\\\.)*+))\\))?\\s*(?:[,;]|\\z)",
        .caseless)
    static let wholeMail = PerlPattern("^\(mail)$", .caseless)
    static let comment_ = PerlPattern(#"\((?:|(?:[^()\\]++|\\.)*+)\)"#, .dotAll)
    static let phrasePiece = PerlPattern(#"(?:"(|(?:[^"\\]++|\\.)*+)"|([^"]++))"#, [.caseless, .dotAll])
    static let unescape = PerlPattern(#"\\(?!\\)"#)
    static let doubleBackslash = PerlPattern(#"\\\\"#)
}
