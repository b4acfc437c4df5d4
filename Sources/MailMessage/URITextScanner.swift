/// Finds URIs in plain text, byte by byte. Text is cut into words at white space, control
/// characters, `<`, `>`, `"`, `` ` `` and Unicode punctuation (quotes, CJK and full-width
/// punctuation, no-break space); only words holding `.`, `:` or `@` are looked at closely.
/// Inside a word it finds:
/// - `http://`, `https://`, `ftp://`, `ftps://` URLs and `mailto:` URIs, as written, to the end
///   of the word;
/// - e-mail addresses whose domain ends in a known top-level domain, as `mailto:`;
/// - `www.` and `ftp.` host names (with any alphabetic top-level domain), as `http://` and
///   `ftp://` URLs;
/// - bare host names ending in a known top-level domain written in lower case (or a host all
///   in upper case), as `http://` URLs, so `example.com/offer` counts but `file.txt`, `1.2.3`
///   and `end.It` (a missing space after a full stop) do not.
///
/// Trailing `.,;:!?'"` and `>`, `}` are trimmed, and `)` or `]` unless the URL opened them.
struct URITextScanner {
    /// Word classes: 0 word byte, 1 delimiter, 2 `.`, 4 `:`, 8 `@`, 16 a lead byte that may start
    /// Unicode punctuation.
    private static let classTable: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0...0x20, 0x7F, 0x3C, 0x3E, 0x22, 0x60: 1
        case 0x2E: 2
        case 0x3A: 4
        case 0x40: 8
        case 0xC2, 0xE2, 0xE3, 0xEF: 16
        default: 0
        }
    }

    /// The longest host name looked at.
    static let maxHostLength = 253

    private enum HostKind { case www, ftp, bare }

    let base: UnsafePointer<UInt8>
    let end: Int

    /// Calls `found` with the offset and text of every URI in `text`, in order.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (Int, String) -> Void) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        let scanner = URITextScanner(base: base, end: text.count)
        classTable.withUnsafeBufferPointer { classes in scanner.run(classes: classes.baseAddress!, found) }
    }

    /// Finds each `.`, `:` or `@` eight bytes at a time, and reads the word around it.
    private func run(classes: UnsafePointer<UInt8>, _ found: (Int, String) -> Void) {
        var done = 0
        while let trigger = nextTrigger(from: done) {
            var start = trigger
            while start > done, !delimiterEnds(at: start, classes: classes) { start -= 1 }
            var position = trigger + 1
            while position < end {
                let kind = classes[Int(base[position])]
                if kind == 1 || (kind == 16 && unicodeDelimiterLength(at: position) > 0) { break }
                position &+= 1
            }
            word(start, position, found)
            done = position
        }
    }

    /// The offset of the next `.`, `:` or `@` at or after `start`.
    @inline(__always)
    private func nextTrigger(from start: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        var position = start
        let raw = UnsafeRawPointer(base)
        while position + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            // A zero byte test borrows only upwards, so the lowest flagged byte is a real match.
            let hits = zeroBytes(word ^ (ones &* 0x2E)) | zeroBytes(word ^ (ones &* 0x3A)) | zeroBytes(word ^ (ones &* 0x40))
            if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
            position &+= 8
        }
        while position < end {
            let byte = base[position]
            if byte == 0x2E || byte == 0x3A || byte == 0x40 { return position }
            position &+= 1
        }
        return nil
    }

    /// Whether a word delimiter ends just before `offset`.
    @inline(__always)
    private func delimiterEnds(at offset: Int, classes: UnsafePointer<UInt8>) -> Bool {
        let previous = base[offset - 1]
        if previous < 0x80 { return classes[Int(previous)] == 1 }
        if offset >= 2, base[offset - 2] == 0xC2, unicodeDelimiterLength(at: offset - 2) == 2 { return true }
        return offset >= 3 && unicodeDelimiterLength(at: offset - 3) == 3
    }

    /// The length of the Unicode punctuation or space character at `offset`, 0 when there is none.
    private func unicodeDelimiterLength(at offset: Int) -> Int {
        let second = offset + 1 < end ? base[offset + 1] : 0
        let third = offset + 2 < end ? base[offset + 2] : 0
        switch base[offset] {
        case 0xC2:
            return second == 0xA0 || second == 0xAB || second == 0xBB ? 2 : 0
        case 0xE2:
            return second == 0x80 || second == 0x81 ? 3 : 0
        case 0xE3:
            return second == 0x80 ? 3 : 0
        case 0xEF:
            switch (second, third) {
            case (0xBC, 0x80...0x8F), (0xBC, 0x9A...0xA0), (0xBC, 0xBB...0xBF), (0xBD, 0x80), (0xBD, 0x9B...0xA5),
                 (0xBB, 0xBF):
                return 3
            default:
                return 0
            }
        default:
            return 0
        }
    }

    @inline(__always) private static func isTokenByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x2E || byte == 0x2D || byte == 0x5F || byte == 0x25
            || byte == 0x2B || byte == 0x40
    }

    /// The URIs in one word.
    private func word(_ start: Int, _ end: Int, _ found: (Int, String) -> Void) {
        var position = start
        while position < end {
            guard Self.isTokenByte(base[position]) else { position &+= 1; continue }
            let tokenStart = position
            var lastAt = -1, firstDot = -1
            while position < end, Self.isTokenByte(base[position]) {
                if base[position] == 0x40 { lastAt = position } else if base[position] == 0x2E, firstDot < 0 { firstDot = position }
                position &+= 1
            }
            let tokenEnd = position
            if tokenEnd < end, base[tokenEnd] == 0x3A, let uriEnd = schemeURIEnd(tokenStart, tokenEnd, wordEnd: end) {
                found(tokenStart, string(tokenStart, uriEnd))
                position = end
                continue
            }
            if lastAt >= 0 {
                email(tokenStart, tokenEnd, at: lastAt, found)
                continue
            }
            var hostEnd = tokenEnd
            while hostEnd > tokenStart, base[hostEnd - 1] == 0x2E || base[hostEnd - 1] == 0x2D { hostEnd -= 1 }
            // A host name has a dot inside ("end." at the end of a sentence does not).
            guard firstDot > tokenStart, firstDot < hostEnd, let kind = hostKind(tokenStart, hostEnd) else { continue }
            var uriEnd = hostEnd
            if hostEnd == tokenEnd, tokenEnd < end {
                let next = base[tokenEnd]
                let hasPort = next == 0x3A && tokenEnd + 1 < end && base[tokenEnd + 1] &- 0x30 < 10
                if next == 0x2F || next == 0x3F || next == 0x23 || hasPort {
                    uriEnd = trimmedEnd(tokenStart, end)
                    position = end
                }
            }
            let scheme = kind == .ftp ? "ftp://" : "http://"
            found(tokenStart, scheme + string(tokenStart, uriEnd))
        }
    }

    /// Where the URI that starts with the scheme `start..<colon` ends, or nil when the token is
    /// not a scheme looked for or nothing follows it.
    private func schemeURIEnd(_ start: Int, _ colon: Int, wordEnd: Int) -> Int? {
        let length = colon - start
        guard length >= 3, length <= 6 else { return nil }
        let name = base + start
        if ASCIIBytes.equalsLowercase(name, count: length, "mailto") {
            let uriEnd = trimmedEnd(start, wordEnd)
            guard uriEnd > colon + 1, ByteScan.first(0x40, in: UnsafeBufferPointer(start: base, count: self.end), from: colon + 1, to: uriEnd) != nil
            else { return nil }
            return uriEnd
        }
        guard ASCIIBytes.equalsLowercase(name, count: length, "http") || ASCIIBytes.equalsLowercase(name, count: length, "https")
                || ASCIIBytes.equalsLowercase(name, count: length, "ftp") || ASCIIBytes.equalsLowercase(name, count: length, "ftps"),
              colon + 3 < wordEnd, base[colon + 1] == 0x2F, base[colon + 2] == 0x2F
        else { return nil }
        let uriEnd = trimmedEnd(start, wordEnd)
        // Browsers skip extra slashes (`http:///host`); something must follow them.
        var hostStart = colon + 3
        while hostStart < uriEnd, base[hostStart] == 0x2F { hostStart += 1 }
        return hostStart < uriEnd ? uriEnd : nil
    }

    /// An e-mail address in a token with an `@` (the last one).
    private func email(_ start: Int, _ end: Int, at: Int, _ found: (Int, String) -> Void) {
        var localStart = at
        while localStart > start, base[localStart - 1] != 0x40 { localStart -= 1 }
        while localStart < at, base[localStart] == 0x2E { localStart += 1 }
        var domainEnd = end
        while domainEnd > at + 1, base[domainEnd - 1] == 0x2E || base[domainEnd - 1] == 0x2D { domainEnd -= 1 }
        guard localStart < at, isDomain(at + 1, domainEnd, requireKnownTLD: true, strictCase: false) else { return }
        found(localStart, "mailto:" + string(localStart, domainEnd))
    }

    private func hostKind(_ start: Int, _ end: Int) -> HostKind? {
        let length = end - start
        guard length >= 4, length <= Self.maxHostLength else { return nil }
        let firstDot = ByteScan.first(0x2E, in: UnsafeBufferPointer(start: base, count: self.end), from: start, to: end) ?? end
        let first = base + start, firstLength = firstDot - start
        if firstLength >= 3, ASCIIBytes.equalsLowercase(first, count: 3, "www"),
           (3..<firstLength).allSatisfy({ first[$0] &- 0x30 < 10 }) {
            return isDomain(start, end, requireKnownTLD: false, strictCase: false, minimumLabels: 3) ? .www : nil
        }
        if firstLength == 3, ASCIIBytes.equalsLowercase(first, count: 3, "ftp") {
            return isDomain(start, end, requireKnownTLD: true, strictCase: false, minimumLabels: 3) ? .ftp : nil
        }
        return isDomain(start, end, requireKnownTLD: true, strictCase: true) ? .bare : nil
    }

    /// Whether `start..<end` is a domain name: labels of letters, digits, `-` (not at either end)
    /// and `_`, an alphabetic top-level domain, known when asked. With `strictCase` the
    /// top-level domain must be lower case unless the whole name is upper case.
    private func isDomain(_ start: Int, _ end: Int, requireKnownTLD: Bool, strictCase: Bool, minimumLabels: Int = 2) -> Bool {
        guard end - start <= Self.maxHostLength else { return false }
        var labels = 0, labelStart = start
        var hasLower = false
        var position = start
        while position <= end {
            if position == end || base[position] == 0x2E {
                let length = position - labelStart
                guard length > 0, length <= 63, base[labelStart] != 0x2D, base[position - 1] != 0x2D else { return false }
                labels += 1
                if position == end { break }
                labelStart = position + 1
            } else {
                let byte = base[position]
                let isLetter = (byte | 0x20) &- 0x61 < 26
                guard isLetter || byte &- 0x30 < 10 || byte == 0x2D || byte == 0x5F else { return false }
                if byte &- 0x61 < 26 { hasLower = true }
            }
            position &+= 1
        }
        guard labels >= minimumLabels else { return false }
        let tld = base + labelStart, tldLength = end - labelStart
        guard tldLength >= 2, (0..<tldLength).allSatisfy({ (tld[$0] | 0x20) &- 0x61 < 26 }) else { return false }
        if requireKnownTLD, !TopLevelDomains.contains(tld, count: tldLength) { return false }
        if strictCase {
            let tldLower = (0..<tldLength).allSatisfy { tld[$0] &- 0x61 < 26 }
            if !tldLower && hasLower { return false }
        }
        return true
    }

    /// `end` moved back over trailing punctuation that ends a sentence rather than a URL.
    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        var parentheses = 0, brackets = 0
        for offset in start..<end {
            switch base[offset] {
            case 0x28: parentheses += 1
            case 0x29: parentheses -= 1
            case 0x5B: brackets += 1
            case 0x5D: brackets -= 1
            default: break
            }
        }
        while end > start {
            switch base[end - 1] {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x3E, 0x7D:
                end -= 1
            case 0x29 where parentheses < 0:
                parentheses += 1
                end -= 1
            case 0x5D where brackets < 0:
                brackets += 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }
}
