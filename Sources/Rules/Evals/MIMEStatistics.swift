import MailMessage

/// What SpamAssassin's MIMEEval plugin learns from one pass over the MIME parts: counts of
/// encodings and text types, quoted-printable density, charsets, illegal bytes in plain ASCII
/// text, HTML-entity density, and the text/HTML size ratio of multipart/alternative mail.
/// A class: the evals read single figures of it many times per message, without copying it.
final class MIMEStatistics {
    var base64Count = 0
    var base64EncodedText = false
    var bodyHTMLCount = 0
    var bodyTextCount = 0
    var farawayCharset = false
    var multipartAlternative = false
    var multipartRatio = 1.0
    /// Quoted-printable parts, replaced by the count of needlessly encoded bytes when any
    /// quoted-printable byte was read (as SpamAssassin does).
    var qpCount = 0
    var qpLongLine = false
    var qpRatio = 0.0
    var attachmentCount = 0
    var badISOCharset = false
    var asciiTextIllegal = 0
    var textUnicodeRatio = 0.0
    /// Charsets declared by the parts, lower-cased.
    var charsets: [String] = []

    private static let needlessQP = try! CompiledRegex("=(?:09|3[0-9ABCEF]|[2456][0-9A-F]|7[0-9A-E])")
    private static let trailingQPSpace = try! CompiledRegex(#"((?:=09|=20)+)\s*$"#)
    private static let unicodeEntity = try! CompiledRegex("&#x[0-9A-F]{4};")
    private static let asciiCharsets = try! CompiledRegex(
        #"(?:us-ascii|ansi_x3\.4-1968|iso-ir-6|ansi_x3\.4-1986|iso_646\.irv:1991|ascii|iso646-us|us|ibm367|cp367|csascii)"#)
    private static let isoCharset = try! CompiledRegex(#"iso-\S+-\S+\b"#, options: .caseless)
    private static let goodISOCharset = try! CompiledRegex(#"iso-(?:8859-\d{1,2}|2022-(?:jp|kr))\b"#)

    init(_ context: EvalContext) {
        var qpBytes = 0, qpEncoded = 0
        var normalCharacters = 0, unicodeCharacters = 0
        var partBytes: [Int?] = []
        var partTypes: [String] = []
        for part in context.parts {
            let type = Self.mimeType(part)
            if type == "multipart/alternative" { multipartAlternative = true }
            let encoding = Self.lowerHeader(part, "Content-Transfer-Encoding")
            let disposition = Self.lowerHeader(part, "Content-Disposition")
            let charset = part.contentType.parameters["charset"]?.lowercased()
            checkHeaders(type: type, encoding: encoding, disposition: disposition, charset: charset ?? "", configuration: context.configuration)
            guard part.leaf != nil || Self.isEmbeddedMessage(part) else { continue }
            partTypes.append(type)
            let isAttachment = Self.contains(disposition, "attachment")
            partBytes.append(isAttachment ? nil : 0)
            let index = partBytes.count - 1
            let plain = type == "text/plain"
            // only the alternative's text sizes, quoted-printable and plain text read the lines
            let countsAlternativeSize = multipartAlternative && !isAttachment && (plain || type == "text/html")
            guard countsAlternativeSize || encoding == "quoted-printable" || plain else {
                continue
            }
            if encoding != "quoted-printable" {
                // the same sums as the line loop below, from one pass over the bytes
                let census = PlainTextCensus(part.rawBody)
                if countsAlternativeSize { partBytes[index]! += census.lineBytes }
                if plain, charset == nil || charset == "us-ascii" { asciiTextIllegal += census.illegalLines }
                if plain, encoding.isEmpty || encoding == "7bit" || encoding == "8bit" {
                    normalCharacters += census.lineBytes - census.unicodeEntities * 8
                    unicodeCharacters += census.unicodeEntities
                }
                continue
            }
            Self.forEachLine(part.rawBody) { line, count in
                if multipartAlternative, !isAttachment, plain || type == "text/html" { partBytes[index]! += count }
                if encoding == "quoted-printable", !line.starts(with: "SPAM: ".utf8) {
                    if count > 79 { qpLongLine = true }
                    qpBytes += count
                    if line.contains(UInt8(ascii: "=")) {
                        let encoded = line.withUnsafeBufferPointer { Self.needlessQP.count(in: $0).count }
                        if encoded > 0 {
                            qpEncoded += encoded
                            if let groups = Self.trailingQPSpace.captureGroups(in: line), groups.count > 1, let trailing = groups[1] {
                                qpEncoded -= trailing.count / 3
                            }
                        }
                    }
                }
                if plain, charset == nil || charset == "us-ascii",
                   line.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 >= 0x80 }) {
                    asciiTextIllegal += 1
                }
                if plain, encoding.isEmpty || encoding == "7bit" || encoding == "8bit" {
                    let entities = line.contains(UInt8(ascii: "&")) ? line.withUnsafeBufferPointer { Self.unicodeEntity.count(in: $0).count } : 0
                    normalCharacters += count - entities * 8
                    unicodeCharacters += entities
                }
            }
        }
        if qpBytes > 0 {
            qpRatio = Double(qpEncoded) / Double(qpBytes)
            qpCount = qpEncoded
        }
        if normalCharacters > 0 { textUnicodeRatio = Double(unicodeCharacters) / Double(normalCharacters) }
        if multipartAlternative {
            var text: Int?, html: Int?
            for index in partTypes.indices.reversed() {
                guard let bytes = partBytes[index] else { continue }
                if html == nil, partTypes[index] == "text/html" {
                    html = bytes
                } else if text == nil, partTypes[index] == "text/plain" {
                    text = bytes
                }
                if html != nil, text != nil { break }
            }
            if let text, let html, html > 0 { multipartRatio = Double(text) / Double(html) }
        }
    }

    private func checkHeaders(type: String, encoding: String, disposition: String, charset: String, configuration: EvalConfiguration) {
        if type == "text/html" {
            bodyHTMLCount += 1
        } else if type.hasPrefix("text") {
            bodyTextCount += 1
        }
        if Self.contains(encoding, "base64") {
            base64Count += 1
        } else if Self.contains(encoding, "quoted-printable") {
            qpCount += 1
        }
        if Self.contains(disposition, "attachment") { attachmentCount += 1 }
        if type.hasPrefix("text"), Self.contains(encoding, "base64"), charset.isEmpty || Self.asciiCharsets.matches(charset),
           !(disposition.hasPrefix("attachment") || disposition.hasPrefix("inline")) {
            base64EncodedText = true
        }
        // the pattern needs "iso-" (any case): without it the regex cannot match
        if !charset.isEmpty, ASCII.containsIgnoringCase(Array(charset.utf8), Self.isoDash), Self.isoCharset.matches(charset),
           !Self.goodISOCharset.matches(charset) {
            badISOCharset = true
        }
        if Self.hasASCIILetterCharacter(charset) {
            charsets.append(charset)
            if !farawayCharset, !configuration.charsetIsOK(charset) { farawayCharset = true }
        }
    }

    private static let isoDash = Array("iso-".utf8)

    /// `text.contains(where: { $0.isASCII && $0.isLetter })`: by bytes when the text is ASCII
    /// (in other text a letter with a combining mark is one Character that is not ASCII).
    static func hasASCIILetterCharacter(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(where: { $0.isASCII && $0.isLetter }) }
        return text.utf8.contains(where: ByteClass.isLetter)
    }

    /// `text.contains(needle)` (an ASCII needle), by bytes when the text is ASCII: Foundation's
    /// search compares characters, which only matters for other text.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(needle.description) }
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = wanted.first else { return true }
        guard utf8.count >= wanted.count else { return false }
        var text = text
        return text.withUTF8 { bytes in
            outer: for start in 0...(bytes.count - wanted.count) where bytes[start] == first {
                for offset in 1..<wanted.count where bytes[start + offset] != wanted[offset] { continue outer }
                return true
            }
            return false
        }
    }

    /// `check_for_mime(name)`: the statistic is set and true.
    func isTrue(_ statistic: MIMEStatistic) -> Bool {
        switch statistic {
        case .base64Count: base64Count > 0
        case .base64EncodedText: base64EncodedText
        case .bodyHTMLCount: bodyHTMLCount > 0
        case .bodyTextCount: bodyTextCount > 0
        case .farawayCharset: farawayCharset
        case .multipartAlternative: multipartAlternative
        case .multipartRatio: multipartRatio != 0
        case .qpCount: qpCount > 0
        case .qpLongLine: qpLongLine
        case .qpRatio: qpRatio != 0
        case .attachment: attachmentCount > 0
        case .badISOCharset: badISOCharset
        case .asciiTextIllegal: asciiTextIllegal > 0
        case .textUnicodeRatio: textUnicodeRatio != 0
        }
    }

    /// The part's type as SpamAssassin's parse_content_type reads it: lower-case, text/plain
    /// when missing.
    static func mimeType(_ part: MIMEPart) -> String {
        part.contentTypeDefaulted && part.headers.first("Content-Type") == nil ? "text/plain" : lowercasedMimeType(part.contentType)
    }

    /// `contentType.mimeType.lowercased()`, without the lower-casing copy when the type holds no
    /// capital nor byte above 0x7F (as parsed types never do).
    static func lowercasedMimeType(_ contentType: ContentType) -> String {
        let mimeType = contentType.mimeType
        return mimeType.utf8.contains(where: { $0 &- 0x41 < 26 || $0 >= 0x80 }) ? mimeType.lowercased() : mimeType
    }

    static func isEmbeddedMessage(_ part: MIMEPart) -> Bool {
        if case .message = part.content { return true }
        return false
    }

    /// A header of the part, lower-cased and trimmed, "" when absent.
    static func lowerHeader(_ part: MIMEPart, _ name: String) -> String {
        guard let field = part.headers.first(name) else { return "" }
        return lowercasedAndTrimmed(field.unfolded)
    }

    /// `text.lowercased().trimmingCharacters()`, by bytes when the text is ASCII (whose only
    /// white space Characters are \t, \n, \v, \f, \r, " " and "\r\n").
    static func lowercasedAndTrimmed(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased().trimmingCharacters() }
        var text = text
        let changed = text.withUTF8 { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end, ASCII.isPerlSpace(bytes[start]) { start += 1 }
            while end > start, ASCII.isPerlSpace(bytes[end - 1]) { end -= 1 }
            guard start > 0 || end < bytes.count || bytes.contains(where: { $0 &- 0x41 < 26 }) else { return nil }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) { buffer[offset] = ASCII.lower(bytes[start + offset]) }
                return end - start
            }
        }
        return changed ?? text
    }

    /// Each line of the body as SpamAssassin reads it: its bytes without the line end (CR LF or
    /// LF), and its length with one "\n" counted when it had a line end.
    static func forEachLine(_ body: ArraySlice<UInt8>, _ visit: (ArraySlice<UInt8>, Int) -> Void) {
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == 0x0A {
                let end = index > start && body[index - 1] == 0x0D ? index - 1 : index
                visit(body[start..<end], end - start + 1)
                start = index + 1
            }
            index += 1
        }
        if start < body.endIndex { visit(body[start...], body.endIndex - start) }
    }

    /// Characters in UTF-8 (or Latin-1) bytes: every byte that does not continue a sequence.
    static func characterCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0, start = 0
            while start + 8 <= buffer.count {
                count &+= 8 &- ByteWords.continuation(ByteWords.load(buffer, at: start)).nonzeroBitCount
                start += 8
            }
            return buffer[start...].reduce(count) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }
}
