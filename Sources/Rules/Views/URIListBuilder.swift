#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MailMessage

/// SpamAssassin's `get_uri_list` for a message: the URIs found in the rendered body text (kept
/// only when one of their forms has a host with a known TLD) and the URIs the HTML parts link
/// to, each with the variants `URICanonicalizer` adds; unique, sorted.
struct URIListBuilder: Sendable {
    static let maxURILength = 8192
    let canonicalizer: URICanonicalizer
    let finder: TextURIFinder

    init(options: ViewOptions) throws(RegexCompileError) {
        canonicalizer = URICanonicalizer(validTLDs: options.validTLDs, redirectorPatterns: options.redirectorPatterns)
        finder = try TextURIFinder(canonicalizer: canonicalizer)
    }

    func uris(bodyLines: [[UInt8]], htmlURIs: [String]) -> [[UInt8]] {
        var result = Set<ByteString>()
        // A link of an HTML part is often in its plain-text alternative too: canonicalized once.
        var canonicalized: [ByteString: [[UInt8]]] = [:]
        for uri in finder.uris(in: bodyLines) {
            let cleaned = canonicalForms(of: uri)
            canonicalized[ByteString(uri)] = cleaned
            guard cleaned.contains(where: hasValidDomain) else { continue }
            result.formUnion(cleaned.map(ByteString.init))
        }
        for uri in htmlURIs {
            let bytes = Array(uri.utf8)
            result.formUnion((canonicalized[ByteString(bytes)] ?? canonicalForms(of: bytes)).map(ByteString.init))
        }
        return result.map(\.bytes).sorted(by: URIListBuilder.precedes)
    }

    /// `first.lexicographicallyPrecedes(second)` by memcmp (which compares unsigned bytes).
    static func precedes(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        let common = min(first.count, second.count)
        let order = first.withUnsafeBytes { left in
            second.withUnsafeBytes { right in common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common) }
        }
        return order != 0 ? order < 0 : first.count < second.count
    }

    /// The URI and its variants, each cut to `maxURILength`.
    private func canonicalForms(of uri: [UInt8]) -> [[UInt8]] {
        canonicalizer.canonicalize(uri).map { $0.count > URIListBuilder.maxURILength ? Array($0.prefix(URIListBuilder.maxURILength)) : $0 }
    }

    /// `uri_to_domain` gives a domain: a valid host name with a known TLD, or an IP address.
    private func hasValidDomain(_ uri: [UInt8]) -> Bool {
        var text = uri.lowercasedASCII
        if text.starts(with: "javascript:".utf8) || text.starts(with: "cid:".utf8) || text.starts(with: "file:".utf8) {
            return false
        }
        if text.starts(with: "mailto:".utf8) {
            text.removeFirst(7)
            if let query = text.firstIndex(of: UInt8(ascii: "?")) { text.removeSubrange(query...) }
            guard text.filter({ $0 == UInt8(ascii: "@") }).count == 1, let at = text.firstIndex(of: UInt8(ascii: "@")) else { return false }
            text = Array(text[(at + 1)...])
        } else {
            text = URIListBuilder.droppingScheme(text)
            if let cut = text.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                text.removeSubrange(cut...)
            }
            if let at = text.lastIndex(of: UInt8(ascii: "@")) { text = Array(text[(at + 1)...]) }
            if text.contains(UInt8(ascii: ":")) { text = URIListBuilder.port.replacing(in: text) { _ in [] } }
        }
        if text.contains(UInt8(ascii: "%")), URIListBuilder.encodedPrintable.matches(text) { return false }
        let host = URICanonicalizer.idnToASCII(text)
        if URIListBuilder.mayBeIPAddress(host), URIListBuilder.ipAddress.matches(host) { return true }
        return TextURIFinder.isFQDNValid(host) && canonicalizer.isDomainValid(host)
    }

    /// `s/^[a-z]+:\/{0,2}//` by bytes.
    static func droppingScheme(_ text: [UInt8]) -> [UInt8] {
        var index = 0
        while index < text.count, text[index] >= UInt8(ascii: "a"), text[index] <= UInt8(ascii: "z") { index += 1 }
        guard index > 0, index < text.count, text[index] == UInt8(ascii: ":") else { return text }
        index += 1
        var slashes = 0
        while slashes < 2, index < text.count, text[index] == UInt8(ascii: "/") {
            index += 1
            slashes += 1
        }
        return Array(text[index...])
    }

    /// Only hex digits, dots, colons, brackets and a line break can make up what `ipAddress`
    /// matches; any other byte rules it out without running the pattern.
    static func mayBeIPAddress(_ host: [UInt8]) -> Bool {
        host.allSatisfy { byte in
            ByteClass.isHexDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "]") || byte == 0x0A
        }
    }

    static let scheme = PerlPattern("^[a-z]+:/{0,2}")
    static let port = PerlPattern(":\\d*$")
    static let encodedPrintable = PerlPattern("%(?:2[1-9a-f]|[3-6][0-9a-f]|7[0-9a-e])")
    static let ipAddress = PerlPattern("^(?:\\d{1,3}\\.){3}\\d{1,3}$|^\\[?[0-9a-f:]*:[0-9a-f:.]*\\]?$", .caseless)
}
