import MailMessage

/// SpamAssassin's `uri_list_canonicalize`: a URI and the variants it adds so rules see through
/// encoding tricks — `%`-escapes decoded, a scheme added, `&#NN;` decoded, default ports, user
/// names and junk after the host dropped, numeric hosts written as dotted quads, one level of
/// redirection followed.
struct URICanonicalizer: Sendable {
    let validTLDs: Set<String>
    let redirectorPatterns: [CompiledRegex]
    /// Rules out every redirector pattern in one search (nil: each is tried).
    private let redirectorUnion: RedirectorUnion?
    /// Bounds the redirections followed per URI.
    static let maxVariants = 64

    /// `unitingRedirectors` (false only to test that it changes nothing): search all redirector
    /// patterns at once first.
    init(validTLDs: Set<String>, redirectorPatterns: [CompiledRegex], unitingRedirectors: Bool = true) {
        self.validTLDs = validTLDs
        self.redirectorPatterns = redirectorPatterns
        redirectorUnion = unitingRedirectors ? RedirectorUnion(redirectorPatterns) : nil
    }

    func canonicalize(_ uri: [UInt8]) -> [[UInt8]] {
        var pending: [[UInt8]] = [uri]
        var variants: [[UInt8]] = []
        var index = 0
        while index < pending.count, pending.count + variants.count < URICanonicalizer.maxVariants {
            pending[index] = trimmed(pending[index])
            let current = pending[index]
            index += 1
            variants += variantsOf(current, redirects: &pending)
        }
        // a handful of forms (at most `maxVariants`): compared in turn rather than hashed
        var unique: [[UInt8]] = []
        unique.reserveCapacity(pending.count + variants.count)
        for form in pending + variants where !unique.contains(form) { unique.append(form) }
        return unique
    }

    private func trimmed(_ uri: [UInt8]) -> [UInt8] {
        if let first = uri.first, let last = uri.last, !isSpace(first), !isSpace(last), !uri.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            return uri
        }
        var bytes = uri.filter { $0 != 0x0A && $0 != 0x0D }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
        return Array(bytes[start...])
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private func variantsOf(_ uri: [UInt8], redirects: inout [[UInt8]]) -> [[UInt8]] {
        if uri.count <= 1 || Self.isSkipped(uri) { return [] }
        var found: [[UInt8]] = []
        let at = uri.firstIndex(of: UInt8(ascii: "@"))
        let colon = uri.firstIndex(of: UInt8(ascii: ":"))
        if uri.hasPrefixIgnoringCase("mailto:") || (at != nil && (colon == nil || colon! > at!)) {
            if let groups = Self.mailBeforeQuery.groups(uri), let address = groups[1] { found.append(address) }
            if let groups = Self.mailBeforeAmpersand.groups(uri), let address = groups[1] { found.append(address) }
            if uri.contains("%20"), let groups = Self.mailAfterSpaces.groups(uri), let address = groups[1] {
                found.append(Array("mailto:".utf8) + address)
            }
            if let groups = Self.mailInBrackets.groups(uri), let address = groups[1] {
                found.append(Array("mailto:".utf8) + address)
            }
            return found
        }

        var nuri = uri.contains(UInt8(ascii: "\\")) ? uri.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 } : uri
        if nuri.hasPrefixIgnoringCase("http") {
            nuri = Self.withTwoSlashes(nuri)
        }
        if nuri.contains(UInt8(ascii: "%")), Self.percentEscape.matches(nuri) { nuri = URICanonicalizer.urlDecode(nuri) }
        if !Self.startsWithScheme(nuri) {
            nuri = Array((nuri.starts(with: Array("ftp.".utf8)) ? "ftp://" : "http://").utf8) + nuri
        }
        if nuri.contains(UInt8(ascii: "?")) || nuri.contains(UInt8(ascii: "#")) {
            nuri = Self.withSlashBeforeQuery(nuri)
        }
        if nuri.contains("&#") {
            nuri = Self.decimalEntity.replacing(in: nuri, global: true) { groups in
                [UInt8(Int(String(decoding: groups[1] ?? [], as: UTF8.self)) ?? 0x3F)]
            }
            nuri = Self.hexEntity.replacing(in: nuri, global: true) { groups in
                [UInt8(Int(String(decoding: groups[1] ?? [], as: UTF8.self), radix: 16) ?? 0x3F)]
            }
            nuri = Self.unicodeDot.replacing(in: nuri, global: true) { _ in [UInt8(ascii: ".")] }
        }
        if nuri != uri { found.append(nuri) }

        guard let parts = Self.httpComponents(of: nuri) else { return found }
        let proto = parts.proto, auth = parts.auth, rest = parts.rest
        var host = parts.host
        var port = parts.port
        var restWithoutPort: [UInt8]?
        let isHTTP = proto.elementsEqual("http://".utf8)
        if port.isEmpty {
            port = Array((isHTTP ? "80" : "443").utf8)
        } else {
            let defaultPort = isHTTP ? Self.port80 : Self.port443
            let stripped = defaultPort.replacing(in: rest) { _ in [] }
            if stripped != rest {
                restWithoutPort = stripped
                found.append(proto + host + stripped)
            }
        }
        let asciiHost = URICanonicalizer.idnToASCII(host)
        if asciiHost != host.lowercasedASCII {
            found.append(proto + asciiHost + rest)
            if let restWithoutPort, !restWithoutPort.isEmpty { found.append(proto + asciiHost + restWithoutPort) }
            host = asciiHost
        }
        if host.contains(where: { $0 <= 0x20 }) {
            host.removeAll { $0 <= 0x20 }
            found.append(proto + host + rest)
        }

        var redirected = false
        let whole = redirectorPatterns.isEmpty ? [] : proto + host + rest
        let mayRedirect = redirectorUnion.map { union in whole.withUnsafeBufferPointer(union.mayMatch) } ?? true
        for pattern in redirectorPatterns where mayRedirect {
            guard let groups = whole.withUnsafeBufferPointer({ buffer in
                pattern.captures(in: buffer).map { ranges in ranges.map { $0.map { Array(buffer[$0]) } } }
            }) else { continue }
            guard groups.count > 1, let target = groups[1], target.contains(UInt8(ascii: ".")) else { continue }
            redirects.append(target)
            redirected = true
            break
        }
        if !redirected, rest.containsIgnoringCase("http"), let groups = Self.embeddedHTTP.groups(rest), let target = groups[1], target.contains(UInt8(ascii: ".")) {
            redirects.append(target)
        }

        if let at = host.firstIndex(of: UInt8(ascii: "@")), at > 0 {
            host = Array(host[(at + 1)...])
            found.append(proto + host + rest)
        }
        if let lastAlphanumeric = host.lastIndex(where: URICanonicalizer.isAlphanumeric), lastAlphanumeric < host.count - 1 {
            host = Array(host[...lastAlphanumeric])
            found.append(proto + host + rest)
        } else if !host.isEmpty, !host.contains(where: URICanonicalizer.isAlphanumeric) {
            host = []
            found.append(proto + host + rest)
        }

        let startsWithDigit = host.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        if startsWithDigit, let octets = Self.dottedNumbers.groups(host) {
            let chunks = octets[1...4].map { URICanonicalizer.normalizeOctet($0 ?? []) }
            found.append(proto + chunks.joined() + rest)
        } else if startsWithDigit, let groups = Self.hexNumber.groups(host), let hex = groups[1] {
            let digits = String(decoding: hex.suffix(8), as: UTF8.self)
            if let value = UInt64(digits, radix: 16) { found.append(proto + URICanonicalizer.dottedQuad(value) + rest) }
        } else if !host.isEmpty, host.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if let value = UInt64(String(decoding: host, as: UTF8.self)) { found.append(proto + URICanonicalizer.dottedQuad(value) + rest) }
        } else if isHTTP, auth.isEmpty, !asciiHost.elementsEqual("localhost".utf8), port.elementsEqual("80".utf8),
                  !Self.hasDotAfterWWW(asciiHost), let groups = Self.bareName.groups(asciiHost), let name = groups[1], !isDomainValid(asciiHost) {
            found.append(proto + Array("www.".utf8) + name + Array(".com".utf8) + rest)
        }
        return found
    }

    /// `is_domain_valid`: no white space, at least one dot, a known TLD.
    func isDomainValid(_ domain: [UInt8]) -> Bool {
        if !domain.contains(where: { $0 >= 0x80 }) {
            // ASCII: only the TLD needs lower-casing
            guard !domain.contains(where: { isSpace($0) }), let dot = domain.lastIndex(of: UInt8(ascii: ".")) else { return false }
            return validTLDs.contains(String(decoding: domain[(dot + 1)...].lowercasedASCII, as: UTF8.self))
        }
        let lowered = URICanonicalizer.idnToASCII(domain)
        guard !lowered.contains(where: { isSpace($0) }), let dot = lowered.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return validTLDs.contains(String(decoding: lowered[(dot + 1)...], as: UTF8.self))
    }

    // MARK: helpers

    /// `s/^(https?:)\/{0,2}/$1\/\//i` (`httpSlashes`) by bytes: the scheme followed by exactly two
    /// slashes.
    static func withTwoSlashes(_ uri: [UInt8]) -> [UInt8] {
        guard uri.hasPrefixIgnoringCase("http") else { return uri }
        var colon = 4
        if colon < uri.count, ASCII.lower(uri[colon]) == UInt8(ascii: "s") { colon += 1 }
        guard colon < uri.count, uri[colon] == UInt8(ascii: ":") else { return uri }
        var restStart = colon + 1
        var slashes = 0
        while slashes < 2, restStart < uri.count, uri[restStart] == UInt8(ascii: "/") {
            restStart += 1
            slashes += 1
        }
        if slashes == 2 { return uri }
        return Array(uri[...colon]) + Array("//".utf8) + uri[restStart...]
    }

    /// `s/^(https?:\/\/[^\/?#]+)([?#])/$1\/$2/i` (`queryAfterHost`) by bytes: a slash put before a
    /// query or fragment that directly follows the host.
    static func withSlashBeforeQuery(_ uri: [UInt8]) -> [UInt8] {
        guard uri.hasPrefixIgnoringCase("http") else { return uri }
        var hostStart = 4
        if hostStart < uri.count, ASCII.lower(uri[hostStart]) == UInt8(ascii: "s") { hostStart += 1 }
        guard uri.count >= hostStart + 3, uri[hostStart...].starts(with: "://".utf8) else { return uri }
        hostStart += 3
        guard let end = uri[hostStart...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
              end > hostStart, uri[end] != UInt8(ascii: "/") else { return uri }
        var result = Array(uri[..<end])
        result.append(UInt8(ascii: "/"))
        result += uri[end...]
        return result
    }

    /// The groups of `httpParts` (`^(https?://)([^@/?#]*@)?([^/?#:]+)((?::(\d*))?.*)$`, caseless,
    /// dot matching all) found by bytes: the scheme, a user part ending in the first `@` when that
    /// comes before any `/`, `?` or `#` and a host follows it, the host up to `/`, `?`, `#` or `:`,
    /// the rest, and the digits after a `:` that starts the rest.
    struct HTTPParts: Equatable {
        var proto: [UInt8]
        var auth: [UInt8]
        var host: [UInt8]
        var rest: [UInt8]
        var port: [UInt8]
    }

    static func httpComponents(of uri: [UInt8]) -> HTTPParts? {
        guard uri.hasPrefixIgnoringCase("http") else { return nil }
        var protoEnd = 4
        if protoEnd < uri.count, ASCII.lower(uri[protoEnd]) == UInt8(ascii: "s") { protoEnd += 1 }
        guard uri.count >= protoEnd + 3, uri[protoEnd...].starts(with: "://".utf8) else { return nil }
        protoEnd += 3
        func hostEnd(from start: Int) -> Int {
            var index = start
            while index < uri.count {
                let byte = uri[index]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ":") { break }
                index += 1
            }
            return index
        }
        var hostStart = protoEnd
        if let special = uri[protoEnd...].firstIndex(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
           uri[special] == UInt8(ascii: "@"), hostEnd(from: special + 1) > special + 1 {
            hostStart = special + 1
        }
        let end = hostEnd(from: hostStart)
        guard end > hostStart else { return nil }
        var port: [UInt8] = []
        if end < uri.count, uri[end] == UInt8(ascii: ":") {
            port = Array(uri[(end + 1)...].prefix(while: ByteClass.isDigit))
        }
        return HTTPParts(proto: Array(uri[..<protoEnd]), auth: Array(uri[protoEnd..<hostStart]), host: Array(uri[hostStart..<end]),
                         rest: Array(uri[end...]), port: port)
    }

    /// `skipped` by bytes: a leading `#`, `?` or `&`, or a `/` not followed by another.
    static func isSkipped(_ uri: [UInt8]) -> Bool {
        guard let first = uri.first else { return false }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "?") || first == UInt8(ascii: "&") { return true }
        return first == UInt8(ascii: "/") && (uri.count < 2 || uri[1] != UInt8(ascii: "/"))
    }

    /// `hasScheme` (`^[-_a-z0-9]+:`, caseless) by bytes.
    static func startsWithScheme(_ uri: [UInt8]) -> Bool {
        var index = 0
        while index < uri.count, isAlphanumeric(uri[index]) || uri[index] == UInt8(ascii: "-") || uri[index] == UInt8(ascii: "_") {
            index += 1
        }
        return index > 0 && index < uri.count && uri[index] == UInt8(ascii: ":")
    }

    /// Whether the host, less a leading "www.", holds a dot: `bareName` cannot match it then.
    static func hasDotAfterWWW(_ host: [UInt8]) -> Bool {
        let name = host.starts(with: "www.".utf8) ? host[4...] : host[...]
        return name.contains(UInt8(ascii: "."))
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Lowercased; non-ASCII host names in punycode.
    static func idnToASCII(_ host: [UInt8]) -> [UInt8] {
        guard host.contains(where: { $0 >= 0x80 }), let text = String(validating: host, as: UTF8.self) else { return host.lowercasedASCII }
        return Array(Punycode.asciiDomain(text).utf8).lowercasedASCII
    }

    /// SpamAssassin's `url_encode`, which in fact decodes `%XX` for printable characters other
    /// than space, and escapes raw control, space, 8-bit, `"`, `%`, `<` and `>` bytes.
    static func urlDecode(_ uri: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < uri.count {
            let byte = uri[index]
            if byte == UInt8(ascii: "%"), index + 2 < uri.count, let high = hexDigit(uri[index + 1]), let low = hexDigit(uri[index + 2]) {
                let value = high * 16 + low
                if high >= 2, high <= 7, value != 0x20, value != 0x7F {
                    result.append(UInt8(value))
                } else {
                    result += uri[index...(index + 2)]
                }
                index += 3
                continue
            }
            if byte <= 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x25 || byte == 0x3C || byte == 0x3E {
                result += Array("%".utf8) + hex(byte)
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }

    private static func hex(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }

    /// One "octet." chunk of a dotted host: hex and octal numbers to decimal, leading zeros
    /// dropped (a lone "0" becomes empty, exactly as SpamAssassin does).
    static func normalizeOctet(_ chunk: [UInt8]) -> [UInt8] {
        var chunk = chunk
        let hasDot = chunk.last == UInt8(ascii: ".")
        if hasDot { chunk.removeLast() }
        var text = String(decoding: chunk, as: UTF8.self)
        if text.lowercased().hasPrefix("0x"), let value = UInt64(text.dropFirst(2), radix: 16) {
            text = String(value)
        } else if text.hasPrefix("0") {
            let digits = text.drop { $0 == "0" }
            if let first = digits.first, "1234567".contains(first) {
                let limit = "123".contains(first) ? 3 : 2
                let octal = digits.prefix { "01234567".contains($0) }
                if octal.count == digits.count, octal.count <= limit, let value = Int(octal, radix: 8) { text = String(value) }
            }
        }
        text = String(text.drop { $0 == "0" })
        return Array(text.utf8) + (hasDot ? [UInt8(ascii: ".")] : [])
    }

    static func dottedQuad(_ value: UInt64) -> [UInt8] {
        var digits = String(value, radix: 16)
        if digits.count < 8 { digits = String(repeating: "0", count: 8 - digits.count) + digits }
        var bytes: [String] = []
        var index = digits.startIndex
        for _ in 0..<4 {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(String(UInt8(digits[index..<next], radix: 16) ?? 0))
            index = next
        }
        return Array(bytes.joined(separator: ".").utf8)
    }

    // MARK: patterns (from Mail::SpamAssassin::Util::uri_list_canonicalize)

    static let skipped = PerlPattern("^(?:[#?&]|/(?!/))")
    static let mailBeforeQuery = PerlPattern("^([^@]+@[^?]+)\\?")
    static let mailBeforeAmpersand = PerlPattern("^([^@]+@[^?&]+)&")
    static let mailAfterSpaces = PerlPattern("^(?:mailto:)?(?:%20)*([^@]+@[^?&%]+)", .caseless)
    static let mailInBrackets = PerlPattern("^[^?&]*<([^@>]+@[^>]+)>")
    static let httpSlashes = PerlPattern("^(https?:)/{0,2}", .caseless)
    static let percentEscape = PerlPattern("%[0-9a-fA-F]{2}")
    static let hasScheme = PerlPattern("^[-_a-z0-9]+:", .caseless)
    static let queryAfterHost = PerlPattern("^(https?://[^/?#]+)([?#])", .caseless)
    static let decimalEntity = PerlPattern("&#0*(3[3-9]|[4-9]\\d|1[01]\\d|12[0-6]);")
    static let hexEntity = PerlPattern("&#x0*(2[1-9]|[3-6][a-fA-F0-9]|7[0-9a-eA-E]);")
    static let unicodeDot = PerlPattern("&#(?:x2e|12290|x3002|65294|xff0e|65377|xff61);", .caseless)
    static let httpParts = PerlPattern("^(https?://)([^@/?#]*@)?([^/?#:]+)((?::(\\d*))?.*)$", [.caseless, .dotAll])
    static let port80 = PerlPattern("^:80\\b")
    static let port443 = PerlPattern("^:443\\b")
    static let embeddedHTTP = PerlPattern("(https?:/{0,2}[^&#]+)", .caseless)
    static let dottedNumbers = PerlPattern("^((?:0x[0-9a-f]+|\\d+)\\.)((?:0x[0-9a-f]+|\\d+)\\.)((?:0x[0-9a-f]+|\\d+)\\.)(0x[0-9a-f]+|\\d+)$", .caseless)
    static let hexNumber = PerlPattern("^0x([0-9a-f]+)$", .caseless)
    static let bareName = PerlPattern("^(?:www\\.)?([^.]+)$")
}
