import MailMessage

/// Splits a URL into tokens: scheme (`u:s:`), host (`u:h:`), each parent domain (`u:d:`), top
/// level domain (`u:tld:`), numeric hosts (`u:ip`), ports, user-info tricks
/// (`http://bank.com@evil.example/`), percent-encoding, and the words of the path and query
/// (`u:p:`). Spam is sold through its links, so their parts are some of the strongest tokens.
enum URLTokenizer {
    static let scheme = TokenPrefix("u:s:")
    static let host = TokenPrefix("u:h:")
    static let domain = TokenPrefix("u:d:")
    static let topLevel = TokenPrefix("u:tld:")
    static let path = TokenPrefix("u:p:")
    static let flag = TokenPrefix("u:")

    /// Where a URL starting at `index` ends, if one starts there ("http://", "https://",
    /// "ftp://", "www."), trailing punctuation excluded.
    static func urlEnd(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let first = text[index] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") || first == UInt8(ascii: "f") else { return nil }
        guard hasPrefix(text, at: index, "http://") || hasPrefix(text, at: index, "https://")
            || hasPrefix(text, at: index, "ftp://") || hasPrefix(text, at: index, "www.") else { return nil }
        var end = index
        while end < text.count {
            let byte = text[end]
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\\") { break }
            end += 1
        }
        while end > index {
            let last = text[end - 1]
            guard last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":")
                || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { break }
            end -= 1
        }
        return end - index > 4 ? end : nil
    }

    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= text.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<length where ByteClass.lower(text[index + offset]) != start[offset] { return false }
        return true
    }

    /// Tokens for one URL (`url` holds just the URL).
    static func tokenize(_ url: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        var index = 0
        let count = url.count
        if let colon = firstIndex(of: UInt8(ascii: ":"), in: url, from: 0, before: min(count, 12)),
           hasPrefix(url, at: colon, "://") {
            sink.emit(scheme, lowering: UnsafeBufferPointer(rebasing: url[0..<colon]))
            index = colon + 3
        } else {
            sink.emit(scheme, "none")
        }
        var authorityEnd = index
        while authorityEnd < count {
            let byte = url[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            authorityEnd += 1
        }
        let authority = UnsafeBufferPointer(rebasing: url[index..<authorityEnd])
        if authority.contains(UInt8(ascii: "%")) {
            // Browsers decode an escaped host ("%77%77%77.example.com"), and a decoded "/" or "@"
            // counts as one.
            sink.emit(flag, "encoded-host")
            PercentDecoding.decoded(authority).withUnsafeBufferPointer { authorityAndPath($0, into: &sink) }
        } else {
            authorityAndPath(authority, into: &sink)
        }
        if authorityEnd < count { pathWords(UnsafeBufferPointer(rebasing: url[authorityEnd..<count]), into: &sink) }
    }

    /// The user-info, host and port of an authority, and the path words after a "/", "?" or
    /// "#" in it (there only when decoded from escapes). The host ends at the first byte that
    /// cannot be in a host name: "www.example.com&nbsp;Lycos" is the host www.example.com.
    private static func authorityAndPath(_ authority: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        let count = authority.count
        var end = 0
        while end < count {
            let byte = authority[end]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            end += 1
        }
        var hostStart = 0
        if let at = lastIndex(of: UInt8(ascii: "@"), in: authority, from: 0, before: end) {
            sink.emit(flag, "userinfo")
            hostStart = at + 1
        }
        var hostEnd = hostStart
        while hostEnd < end {
            let byte = authority[hostEnd]
            guard ByteClass.isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { break }
            hostEnd += 1
        }
        if hostEnd < end, authority[hostEnd] == UInt8(ascii: ":") { sink.emit(flag, "port") }
        while hostEnd > hostStart, authority[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
        host(UnsafeBufferPointer(rebasing: authority[hostStart..<hostEnd]), into: &sink)
        if end < count { pathWords(UnsafeBufferPointer(rebasing: authority[end..<count]), into: &sink) }
    }

    static func host(_ name: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        guard !name.isEmpty, name.count <= 255 else { return }
        if DomainTokens.isIPv4(name) {
            sink.emit(flag, "ip")
            sink.emit(host, exactly: name)
            return
        }
        sink.emit(host, lowering: name)
        DomainTokens.parents(of: name, prefix: domain, into: &sink)
        if let dot = lastIndex(of: UInt8(ascii: "."), in: name, from: 0, before: name.count), dot + 1 < name.count {
            sink.emit(topLevel, lowering: UnsafeBufferPointer(rebasing: name[(dot + 1)...]))
        }
    }

    /// Words of the path and query, two to twenty characters, at most 24 of them.
    static func pathWords(_ rest: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        if rest.contains(UInt8(ascii: "?")) { sink.emit(flag, "query") }
        if rest.contains(UInt8(ascii: "%")) { sink.emit(flag, "percent") }
        var index = 0, emitted = 0
        while index < rest.count, emitted < 24 {
            guard ByteClass.isAlnum(rest[index]) else { index += 1; continue }
            var end = index
            while end < rest.count, ByteClass.isAlnum(rest[end]) { end += 1 }
            let length = end - index
            if length >= 2, length <= 20 {
                sink.emit(path, lowering: UnsafeBufferPointer(rebasing: rest[index..<end]))
                emitted += 1
            }
            index = end
        }
    }

    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        var index = end - 1
        while index >= start {
            if bytes[index] == byte { return index }
            index -= 1
        }
        return nil
    }
}
