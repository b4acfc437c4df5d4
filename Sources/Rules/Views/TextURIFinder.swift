/// Finds URIs in rendered body text the way SpamAssassin's `_process_text_uri_list` does: a
/// regex modelled on what Thunderbird and Outlook Express would turn into links (a scheme or
/// `www.` prefix, an e-mail address, or a bare host name ending in a known TLD), then the same
/// trimming, skipping and scheme-adding.
struct TextURIFinder: Sendable {
    private let pattern: CompiledRegex
    private let canonicalizer: URICanonicalizer

    init(canonicalizer: URICanonicalizer) throws(RegexCompileError) {
        self.canonicalizer = canonicalizer
        let tldAlternation = canonicalizer.validTLDs.isEmpty ? "no_tlds_defined" : TextURIFinder.trie(of: canonicalizer.validTLDs)
        let tldsRE = "(?<![a-zA-Z0-9-])(?:\(tldAlternation))(?!(?:[a-zA-Z0-9-]|\\.[a-zA-Z0-9]))"
        let startDelimiters = "><\"'`,{[(|\\s\\x1b\\xa0"
        let iso2022Shift = "\\x1b\\(."
        let endDelimiters = "><\"`}\\]{[|\\s\\x1b\\xa0"
        let schemelessStart = "[!\"#$&'()*+,/:;<=>?@\\[\\\\\\]^`{|}~\\s\\x1b\\xa0]"
        let endDelimitersEmail = endDelimiters + ",('\\x80-\\xff"
        let endDelimitersPlusAt = endDelimitersEmail + "@"
        let schemeless = "([a-z\\d][a-z\\d._-]{0,251}\\.\(tldsRE))\\.?(?::\\d{1,5})?(?:/[^\(endDelimiters)]{1,2048})?"
        let knownScheme = "(?:(?:https?|ftp)://|(?:www\\d{0,2}|ftp)\\.)[^\(endDelimiters)]{1,2048}"
        let mail = "(?:mailto:[^\(endDelimitersEmail)]{1,2048}|[^\(endDelimitersPlusAt)]{1,251}@[^\(endDelimitersEmail)]{1,251})"
        let full = "(?:\\b|(?<=\(iso2022Shift))|(?<=[\(startDelimiters)]))"
            + "(?:(?:(\(knownScheme))(?=(?:[\(endDelimiters)]|\\z)))"
            + "|(?:(\(mail))(?=(?:[\(endDelimitersEmail)]|\\z)))"
            + "|(?:(?:^|(?<=\(schemelessStart)))(\(schemeless))(?=(?:[\(endDelimiters)]|\\z))))"
        pattern = try CompiledRegex(full, options: .caseless)
    }

    /// The TLDs as one regex factored on common prefixes (`c(?:a|at|o(?:m|op)?)…`): PCRE2 tries
    /// alternatives one by one, so a flat list of 1500 names would be tried in full at every dot.
    static func trie(of tlds: Set<String>) -> String {
        final class Node {
            var children: [UInt8: Node] = [:]
            var terminal = false
        }
        let root = Node()
        for tld in tlds where !tld.isEmpty {
            var node = root
            for byte in Array(tld.utf8).lowercasedASCII {
                if let next = node.children[byte] {
                    node = next
                } else {
                    let next = Node()
                    node.children[byte] = next
                    node = next
                }
            }
            node.terminal = true
        }
        func literal(_ byte: UInt8) -> String {
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
            let digits = Array("0123456789abcdef")
            return isWord ? String(UnicodeScalar(byte)) : "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
        }
        func emit(_ node: Node) -> String {
            let branches = node.children.keys.sorted().map { literal($0) + emit(node.children[$0]!) }
            if branches.isEmpty { return "" }
            let body = branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
            if node.terminal { return "(?:" + body + ")?" }
            return body
        }
        return emit(root)
    }

    /// Each URI found in `lines`, with a scheme, in order of appearance (not yet canonicalised).
    /// `skippingPlainWords` (false only to test that it changes nothing): the search starts at
    /// the first word that could hold a match instead of running the pattern over every word.
    func uris(in lines: [[UInt8]], skippingPlainWords: Bool = true) -> [[UInt8]] {
        var seen = Set<ByteString>()
        var found: [[UInt8]] = []
        for line in lines {
            line.withUnsafeBufferPointer { buffer in
                var position = 0
                while position < buffer.count {
                    var subject = buffer
                    if skippingPlainWords {
                        guard let word = TextURIFinder.firstCandidateWord(in: buffer, from: position) else { break }
                        position = word.lowerBound
                        subject = UnsafeBufferPointer(rebasing: buffer[..<word.upperBound])
                    }
                    guard let groups = pattern.captures(in: subject, from: position), let whole = groups[0] else {
                        if skippingPlainWords {
                            position = subject.count
                            continue
                        }
                        break
                    }
                    position = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
                    let kind: Kind
                    let range: Range<Int>
                    if let scheme = groups[1] {
                        (kind, range) = (.scheme, scheme)
                    } else if let mail = groups[2] {
                        (kind, range) = (.mail, mail)
                    } else if let schemeless = groups[3] {
                        (kind, range) = (.schemeless, schemeless)
                    } else {
                        continue
                    }
                    let host = groups.count > 4 ? groups[4].map { Array(buffer[$0]) } : nil
                    guard let raw = cleaned(Array(buffer[range])), seen.insert(ByteString(raw)).inserted,
                          let uri = withScheme(raw, kind: kind, schemelessHost: host) else { continue }
                    found.append(uri)
                }
            }
        }
        return found
    }

    private enum Kind { case scheme, mail, schemeless }

    /// The first word at or after `position` (from `position` when inside a word) holding a byte
    /// a match needs (`isNeededByte`); nil when none does. A match of the pattern never holds
    /// space, tab, LF, FF or CR, and always holds such a byte (the scheme's "://" or
    /// "www."/"ftp." followed by more, "mailto:", the address's "@", the bare host's dot before
    /// its TLD): no match starts in a word without one, and a match starting in a word ends
    /// within it. The pattern may thus be run on the text up to the word's end: the white space
    /// after the word and the end of the text satisfy the same lookaheads (`[\s…]|\z`, and the
    /// TLD's `(?![a-zA-Z0-9-]|\.…)`).
    ///
    /// The first such byte is found first, then the word around it (not reaching back before
    /// `position`): most bytes are then looked at once, with one test.
    static func firstCandidateWord(in buffer: UnsafeBufferPointer<UInt8>, from position: Int) -> Range<Int>? {
        var index = max(position, 0)
        while index < buffer.count, !isNeededByte(buffer, at: index) { index += 1 }
        guard index < buffer.count else { return nil }
        var start = index
        while start > position, !isWordBreak(buffer[start - 1]) { start -= 1 }
        var end = index + 1
        while end < buffer.count, !isWordBreak(buffer[end]) { end += 1 }
        return start..<end
    }

    /// `firstCandidateWord` written word by word, for tests.
    static func firstCandidateWordByWords(in buffer: UnsafeBufferPointer<UInt8>, from position: Int) -> Range<Int>? {
        var index = position
        while index < buffer.count {
            while index < buffer.count, isWordBreak(buffer[index]) { index += 1 }
            let start = index
            var candidate = false
            while index < buffer.count, !isWordBreak(buffer[index]) {
                if isNeededByte(buffer, at: index) { candidate = true }
                index += 1
            }
            if candidate { return start..<index }
        }
        return nil
    }

    /// A byte without which no match can be: an "@"; a ":" before "/" or after "mailto"; a "."
    /// before a byte that may follow it in a match (the TLD's first letter, or after "www." any
    /// byte but an end delimiter). A sentence's final dot, "Note:" or "10:30" are not.
    @inline(__always)
    static func isNeededByte(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = buffer[index]
        // bits 46 (.) and 58 (:) of a 64-bit mask; "@" (64) on its own
        guard byte < 64 ? (UInt64(0x0400_4000_0000_0000) >> UInt64(byte)) & 1 != 0 : byte == 64 else { return false }
        if byte == UInt8(ascii: "@") { return true }
        let next: UInt8? = index + 1 < buffer.count ? buffer[index + 1] : nil
        if byte == UInt8(ascii: ".") {
            guard let next else { return false }
            return !isEndDelimiter(next)
        }
        if next == UInt8(ascii: "/") { return true }
        guard index >= 6 else { return false }
        var offset = 0
        for expected in "mailto".utf8 {
            guard ASCII.lower(buffer[index - 6 + offset]) == expected else { return false }
            offset += 1
        }
        return true
    }

    /// The pattern's end delimiters (`><"`}]{[|`, `\s`, ESC, NBSP): none follows a dot in a match.
    @inline(__always)
    private static func isEndDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "}"), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "|"), 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0xA0: true
        default: false
        }
    }

    /// White space every class of the pattern excludes (`\s` in PCRE2's byte mode).
    @inline(__always)
    private static func isWordBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// `)` ends the URI when no `(` comes before it; trailing punctuation goes.
    private func cleaned(_ raw: [UInt8]) -> [UInt8]? {
        var uri = raw
        if let close = uri.firstIndex(of: UInt8(ascii: ")")), !uri[..<close].contains(UInt8(ascii: "(")) {
            uri = Array(uri[..<close])
        }
        while let last = uri.last, TextURIFinder.isTrailingPunctuation(last) { uri.removeLast() }
        return uri
    }

    /// The bytes `-~!@#^&*()_+=:;'?,.` that are trimmed off a URI's end.
    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "^"),
             UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "_"), UInt8(ascii: "+"),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "'"), UInt8(ascii: "?"), UInt8(ascii: ","),
             UInt8(ascii: "."): true
        default: false
        }
    }

    private func withScheme(_ raw: [UInt8], kind: Kind, schemelessHost: [UInt8]?) -> [UInt8]? {
        if kind == .mail, !raw.contains(UInt8(ascii: "@")) { return nil }
        if let schemelessHost, !TextURIFinder.isFQDNValid(schemelessHost) { return nil }
        if raw.hasPrefixIgnoringCase("cid:") || raw.hasPrefixIgnoringCase("mid:") { return nil }
        if raw.contains(UInt8(ascii: ":")), TextURIFinder.emptyURI.matches(raw) { return nil }
        var uri = raw
        if !TextURIFinder.hasKnownScheme(uri) {
            if uri.hasPrefixIgnoringCase("ftp.") {
                uri = Array("ftp://".utf8) + uri
            } else if TextURIFinder.hasWWWPrefix(uri) {
                uri = Array("http://".utf8) + uri
            } else if TextURIFinder.hasSlashBeforeAt(uri) {
                uri = Array("http://".utf8) + uri
            } else if uri.contains(UInt8(ascii: "@")) {
                guard TextURIFinder.hasDotAfterAt(uri), !uri.contains("&nbsp;") else { return nil }
                uri = TextURIFinder.mailMisparse.replacing(in: uri) { _ in [] }
                uri = Array("mailto:".utf8) + uri
            } else {
                guard uri.contains(UInt8(ascii: ".")) else { return nil }
                uri = Array("http://".utf8) + uri
            }
        }
        if uri.hasPrefixIgnoringCase("mailto:") {
            if uri.contains(UInt8(ascii: "%")), TextURIFinder.percentEscape.matches(uri) { uri = URICanonicalizer.urlDecode(uri) }
            guard var host = TextURIFinder.mailHostBytes(uri) else { return nil }
            while host.count >= 3, host.suffix(3).elementsEqual("%20".utf8) { host.removeLast(3) }
            guard canonicalizer.isDomainValid(host) else { return nil }
        }
        return uri
    }

    /// `is_fqdn_valid`: two or more labels of letters, digits, `-` and (below the registered
    /// domain) `_`, at most 253 bytes.
    static func isFQDNValid(_ host: [UInt8]) -> Bool {
        // the tests ignore case: the labels are read where they stand, without copies
        var end = host.count
        while end > 0, host[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end <= 253 else { return false }
        let labelCount = host[..<end].reduce(1) { $0 + ($1 == UInt8(ascii: ".") ? 1 : 0) }
        guard labelCount > 1 else { return false }
        var labelStart = 0, index = 0
        while labelStart <= end {
            let labelEnd = host[labelStart..<end].firstIndex(of: UInt8(ascii: ".")) ?? end
            let label = host[labelStart..<labelEnd]
            guard (1...63).contains(label.count) else { return false }
            let allowed = label.allSatisfy { URICanonicalizer.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            guard allowed, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            if index >= labelCount - 2, label.contains(UInt8(ascii: "_")) { return false }
            labelStart = labelEnd + 1
            index += 1
        }
        return true
    }

    /// `isFQDNValid` as first written (lower-cased copy, split into labels), for tests.
    static func isFQDNValidBySplitting(_ host: [UInt8]) -> Bool {
        var lowered = host.lowercasedASCII
        while lowered.last == UInt8(ascii: ".") { lowered.removeLast() }
        guard lowered.count <= 253 else { return false }
        let labels = lowered.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count > 1 else { return false }
        for (index, label) in labels.enumerated() {
            guard (1...63).contains(label.count) else { return false }
            let allowed = label.allSatisfy { URICanonicalizer.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            guard allowed, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            if index >= labels.count - 2, label.contains(UInt8(ascii: "_")) { return false }
        }
        return true
    }

    /// `knownScheme` (`^(?:https?|ftp|mailto):`, caseless) by bytes.
    static func hasKnownScheme(_ uri: [UInt8]) -> Bool {
        uri.hasPrefixIgnoringCase("http:") || uri.hasPrefixIgnoringCase("https:") || uri.hasPrefixIgnoringCase("ftp:")
            || uri.hasPrefixIgnoringCase("mailto:")
    }

    /// `wwwPrefix` (`^www\d{0,2}\.`, caseless) by bytes.
    static func hasWWWPrefix(_ uri: [UInt8]) -> Bool {
        guard uri.hasPrefixIgnoringCase("www") else { return false }
        var index = 3
        while index < min(uri.count, 5), ByteClass.isDigit(uri[index]) { index += 1 }
        return index < uri.count && uri[index] == UInt8(ascii: ".")
    }

    /// `slashBeforeAt` (`/.+@`) by bytes: an `@` at least two bytes after the first `/`.
    static func hasSlashBeforeAt(_ uri: [UInt8]) -> Bool {
        guard let slash = uri.firstIndex(of: UInt8(ascii: "/")), let at = uri.lastIndex(of: UInt8(ascii: "@")) else { return false }
        return at >= slash + 2
    }

    /// `dotAfterAt` (`@.+?\.`) by bytes: a `.` at least two bytes after the first `@`.
    static func hasDotAfterAt(_ uri: [UInt8]) -> Bool {
        guard let at = uri.firstIndex(of: UInt8(ascii: "@")), let dot = uri.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return dot >= at + 2
    }

    /// `mailHost`'s group (`@([^?&>]*)`) by bytes: what follows the first `@` up to `?`, `&` or `>`.
    static func mailHostBytes(_ uri: [UInt8]) -> [UInt8]? {
        guard let at = uri.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        return Array(uri[(at + 1)...].prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: ">") })
    }

    static let emptyURI = PerlPattern("^\\w+:/{0,2}$", .caseless)
    static let knownScheme = PerlPattern("^(?:https?|ftp|mailto):", .caseless)
    static let wwwPrefix = PerlPattern("^www\\d{0,2}\\.", .caseless)
    static let slashBeforeAt = PerlPattern("/.+@", .dotAll)
    static let dotAfterAt = PerlPattern("@.+?\\.", .dotAll)
    static let mailMisparse = PerlPattern("^(?:skype|e?-?mail)?:+", .caseless)
    static let percentEscape = PerlPattern("%[0-9a-f]{2}", .caseless)
    static let mailHost = PerlPattern("@([^?&>]*)")
}
