/// URIs in plain text, and the host names rules and blocklists look up. See `URITextScanner`
/// for what counts as a URI in text; every result is absolute (`www.example.com` is reported as
/// `http://www.example.com`, `bob@example.com` as `mailto:bob@example.com`).
public enum URIExtractor {
    /// The URIs in `text`, in order of appearance, without repeats.
    public static func extract(from text: String) -> [String] {
        var text = text
        var result: [String] = [], seen = Set<String>()
        text.withUTF8 { bytes in
            URITextScanner.scan(bytes) { _, uri in
                if seen.insert(uri).inserted { result.append(uri) }
            }
        }
        return result
    }

    /// The host a URI points at: lower-cased, without user information, port or trailing dot,
    /// %-escapes decoded, international names in their ASCII (`xn--`) form. For `mailto:` (and a
    /// bare address) the domain of the address. Nil when there is none (a relative path,
    /// `javascript:`…). Schemeless input (`www.example.com/x`) is read as a host and path.
    public static func host(of uri: String) -> String? {
        let bytes = trimmed(Array(uri.utf8))
        guard let range = hostRange(bytes) else { return nil }
        var host = decodedHost(bytes[range])
        while host.last == UInt8(ascii: ".") { host.removeLast() }
        guard !host.isEmpty else { return nil }
        let text = String(decoding: host, as: UTF8.self)
        return host.allSatisfy({ $0 < 0x80 }) ? text : Punycode.asciiDomain(text)
    }

    /// `uri` in the form URIs are compared in: a scheme added where it was left out (`http://`
    /// for `www.` and bare hosts, `ftp://` for `ftp.` hosts, `mailto:` for bare addresses), the
    /// scheme and host lower-cased and the host's %-escapes decoded. Path and query are kept.
    public static func normalize(_ uri: String) -> String {
        var bytes = trimmed(Array(uri.utf8))
        if let schemeLength = schemeLength(bytes) {
            for index in 0..<schemeLength { bytes[index] = HeaderText.lowerASCII(bytes[index]) }
        } else if let at = bytes.firstIndex(of: UInt8(ascii: "@")), !bytes[..<at].contains(UInt8(ascii: "/")) {
            bytes = Array("mailto:".utf8) + bytes
        } else if bytes.count > 4, bytes.prefix(4).map(HeaderText.lowerASCII) == Array("ftp.".utf8) {
            bytes = Array("ftp://".utf8) + bytes
        } else {
            bytes = Array("http://".utf8) + bytes
        }
        guard let range = hostRange(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var host = decodedHost(bytes[range])
        if !host.allSatisfy({ $0 < 0x80 }) { host = Array(String(decoding: host, as: UTF8.self).lowercased().utf8) }
        bytes.replaceSubrange(range, with: host)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: parts

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0, end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        return Array(bytes[start..<end])
    }

    /// The length of the scheme before the first `:`, when the URI starts with one.
    private static func schemeLength(_ bytes: [UInt8]) -> Int? {
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return index > 0 ? index : nil }
            let isLetter = (byte | 0x20) &- 0x61 < 26
            let isOther = byte &- 0x30 < 10 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (index > 0 && isOther) else { return nil }
        }
        return nil
    }

    /// Where the host stands in `bytes`.
    private static func hostRange(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        if let schemeLength = schemeLength(bytes) {
            start = schemeLength + 1
            let scheme = bytes[..<schemeLength].map(HeaderText.lowerASCII)
            if scheme == Array("mailto".utf8) {
                let stop = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
                guard let at = bytes[start..<stop].lastIndex(of: UInt8(ascii: "@")), at + 1 < stop else { return nil }
                return (at + 1)..<stop
            }
            let isSlash: (UInt8) -> Bool = { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
            guard start + 1 < bytes.count, isSlash(bytes[start]), isSlash(bytes[start + 1]) else { return nil }
            while start < bytes.count, isSlash(bytes[start]) { start += 1 }
        }
        let authorityEnd = bytes[start...].firstIndex(where: {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "\\")
        }) ?? bytes.count
        if let at = bytes[start..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        guard start < authorityEnd else { return nil }
        if bytes[start] == UInt8(ascii: "[") {
            guard let close = bytes[start..<authorityEnd].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            return start..<(close + 1)
        }
        let hostEnd = bytes[start..<authorityEnd].firstIndex(of: UInt8(ascii: ":")) ?? authorityEnd
        return hostEnd > start ? start..<hostEnd : nil
    }

    /// A host with %-escapes decoded and ASCII lower-cased.
    private static func decodedHost(_ host: ArraySlice<UInt8>) -> [UInt8] {
        var decoded = PercentDecoding.decoded(host)
        for index in decoded.indices { decoded[index] = HeaderText.lowerASCII(decoded[index]) }
        return decoded
    }
}
