import MailMessage

/// SpamAssassin's MIMEEval functions: MIME statistics, parser flags, base64 line lengths,
/// multipart/alternative parts that are not text, upper-case share of the body, faraway
/// charsets.
enum MIMEEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "check_for_mime":
            guard let test = site.text(0) else { return .invalid(name, "needs a statistic name") }
            // a name SpamAssassin does not set is never true
            guard let statistic = MIMEStatistic(rawValue: test) else { return .test { _ in false } }
            return .test { $0.mime.isTrue(statistic) }
        case "check_for_mime_html":
            return .test { context in
                htmlContentType(context) || context.mime.bodyHTMLCount > 0
            }
        case "check_for_mime_html_only":
            return .test { context in
                htmlContentType(context) || (context.mime.bodyHTMLCount > 0 && context.mime.bodyTextCount == 0)
            }
        case "check_mime_multipart_ratio":
            guard let low = site.number(0), let high = site.number(1) else { return .invalid(name, "needs min and max") }
            return .test { $0.mime.multipartRatio >= low && $0.mime.multipartRatio < high }
        case "check_for_ascii_text_illegal":
            return .test { $0.mime.asciiTextIllegal > 0 }
        case "check_abundant_unicode_ratio":
            guard let text = site.text(0), Self.ratioShape.matches(text) else { return .test { _ in false } }
            let ratio = PerlNumber.value(text)
            return .test { $0.mime.textUnicodeRatio >= ratio }
        case "check_qp_ratio":
            guard let low = site.number(0) else { return .invalid(name, "needs a minimum") }
            return .test { $0.mime.qpRatio >= low }
        case "check_msg_parse_flags":
            guard let flag = site.text(0) else { return .invalid(name, "needs a flag name") }
            return .test { $0.parseFlags.flag(flag) }
        case "check_ma_non_text":
            return .test { multipartAlternativeHasNonText($0.message.root) }
        case "check_base64_length":
            guard let low = site.number(0) else { return .invalid(name, "needs a minimum") }
            let high = site.bound(1)
            return .test { context in
                let length = longestBase64Line(context)
                if let high, Double(length) > high { return false }
                return Double(length) >= low
            }
        case "check_for_uppercase":
            guard let low = site.number(0), let high = site.number(1) else { return .invalid(name, "needs min and max") }
            return .test { context in
                let share = BodyEvals.cached(context, "uppercase") { uppercaseShare($0) }
                return share > low && share <= high
            }
        case "check_for_faraway_charset":
            return .test { context in
                guard !context.configuration.okLocales.contains("all") else { return false }
                guard let charset = contentTypeCharset(context), !context.configuration.charsetIsOK(charset) else { return false }
                return BodyEvals.moreHighBitsSet(Array(context.views.body.joined(separator: [0x0A])))
            }
        default:
            return nil
        }
    }

    private static let ratioShape = try! CompiledRegex(#"^\d{0,3}\.\d{1,3}$"#)
    private static let htmlType = try! CompiledRegex("^text/html", options: .caseless)

    private static func htmlContentType(_ context: EvalContext) -> Bool {
        htmlType.matches(context.scalar(.contentType))
    }

    /// Any part below a multipart/alternative that is neither text, multipart/related nor RTF.
    static func multipartAlternativeHasNonText(_ part: MIMEPart) -> Bool {
        guard case .multipart(let multipart) = part.content else { return false }
        if MIMEStatistics.lowercasedMimeType(part.contentType) == "multipart/alternative" {
            var below: [MIMEPart] = []
            func collect(_ node: MIMEPart) {
                guard case .multipart(let inner) = node.content else { return }
                for child in inner.parts {
                    below.append(child)
                    collect(child)
                }
            }
            collect(part)
            for child in below {
                let type = MIMEStatistics.lowercasedMimeType(child.contentType)
                if type == "multipart/related" || type == "application/rtf" || type.hasPrefix("text/") { continue }
                return true
            }
        }
        return multipart.parts.contains(where: multipartAlternativeHasNonText)
    }

    /// The longest raw line of any base64 leaf (application/ics aside), "\n" counted.
    static func longestBase64Line(_ context: EvalContext) -> Int {
        var longest = 0
        for part in context.parts where part.leaf != nil || MIMEStatistics.isEmbeddedMessage(part) {
            guard MIMEStatistics.mimeType(part) != "application/ics",
                  MIMEStatistics.lowerHeader(part, "Content-Transfer-Encoding") == "base64" else { continue }
            MIMEStatistics.forEachLine(part.rawBody) { _, count in longest = max(longest, count) }
        }
        return longest
    }

    /// The charset of the message's Content-Type header.
    static func contentTypeCharset(_ context: EvalContext) -> String? {
        guard context.has(.contentType) else { return nil }
        let bytes = Array(context.scalar(.contentType).utf8)
        for pattern in charsetPatterns {
            if let value = pattern.firstGroup(in: bytes) { return ASCII.string(value) }
        }
        return nil
    }

    private static let charsetPatterns = [
        try! CompiledRegex(#"charset="([^"]+)""#, options: .caseless),
        try! CompiledRegex(#"charset='([^']+)'"#, options: .caseless),
        try! CompiledRegex(#"charset=(\S+)"#, options: .caseless),
    ]

    /// Charsets whose text looks upper-case to a Latin reader.
    private static let capsCharsets = try! CompiledRegex(
        "^[-_a-z0-9]*(?:koi|jp|jis|euc|gb|big5|isoir|cp1251|windows-1251|georgianps|pt154|tis)[-_a-z0-9]*$", options: .caseless)
    private static let iso2022Escape = try! CompiledRegex(#"\x1b\$B.*\x1b\(B"#, options: .dotAll)

    /// `\S\s+\S` matches: white space with something else on both sides.
    static func hasInnerSpace(_ line: [UInt8]) -> Bool {
        guard let first = line.firstIndex(where: { !ASCII.isPerlSpace($0) }),
              let last = line.lastIndex(where: { !ASCII.isPerlSpace($0) }) else { return false }
        return line[first...last].contains(where: ASCII.isPerlSpace)
    }

    /// `^(?:[A-Za-z0-9+/=]{60,76} ){2}` matches: two runs of 60 to 76 base64 characters, each
    /// ended by a space, open the line (a run ends where the class does, so no backtracking helps).
    static func startsWithBase64Run(_ line: [UInt8]) -> Bool {
        var start = 0
        for _ in 0..<2 {
            var end = start
            while end < line.count, isBase64(line[end]) { end += 1 }
            guard (60...76).contains(end - start), end < line.count, line[end] == 0x20 else { return false }
            start = end + 1
        }
        return true
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        ByteClass.isLetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    /// Upper-case letters as a percentage of letters and digits in the body lines with two
    /// words or more; 0 when the body is short or its charset makes capitals look common.
    static func uppercaseShare(_ context: EvalContext) -> Double {
        var charsets = context.mime.charsets
        if let charset = contentTypeCharset(context) { charsets.append(charset) }
        if charsets.contains(where: { capsCharsets.matches($0) }) { return 0 }
        var length = 0, lower = 0, upper = 0
        for line in context.views.body {
            guard hasInnerSpace(line), !startsWithBase64Run(line) else { continue }
            var text = line
            if text.contains(0x1B), let range = iso2022Escape.firstMatch(in: text).range { text.removeSubrange(range) }
            let counts = caseCounts(text)
            length += counts.characters
            lower += counts.lowerOrDigit
            upper += counts.upper
        }
        guard length >= 200, upper + lower > 0 else { return 0 }
        return Double(upper) / Double(upper + lower) * 100
    }

    /// In one pass: the UTF-8 characters (`MIMEStatistics.characterCount`), the lower-case ASCII
    /// letters and digits, and the upper-case ASCII letters of `text`.
    static func caseCounts(_ text: [UInt8]) -> (characters: Int, lowerOrDigit: Int, upper: Int) {
        text.withUnsafeBufferPointer { bytes in
            var characters = 0, lowerOrDigit = 0, upper = 0
            var start = 0
            while start + 8 <= bytes.count {
                let word = ByteWords.load(bytes, at: start)
                characters &+= 8 &- ByteWords.continuation(word).nonzeroBitCount
                lowerOrDigit &+= ByteWords.inRange(word, 0x61, 0x7A).nonzeroBitCount &+ ByteWords.inRange(word, 0x30, 0x39).nonzeroBitCount
                upper &+= ByteWords.inRange(word, 0x41, 0x5A).nonzeroBitCount
                start += 8
            }
            for byte in bytes[start...] {
                characters &+= byte & 0xC0 == 0x80 ? 0 : 1
                lowerOrDigit &+= (byte &- 0x61 < 26 ? 1 : 0) &+ (byte &- 0x30 < 10 ? 1 : 0)
                upper &+= byte &- 0x41 < 26 ? 1 : 0
            }
            return (characters, lowerOrDigit, upper)
        }
    }
}
