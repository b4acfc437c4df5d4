import Testing
@testable import Rules

/// The byte-level readers that replaced URI patterns give what the patterns gave, on generated
/// URIs (ASCII, UTF-8 and invalid UTF-8 bytes mixed in).
@Suite struct URIByteParsersTests {
    static let pieces: [[UInt8]] = [
        "http", "HTTP", "https", "HtTpS", "ftp", "mailto", "www", "www1", "www12", "www123", ":", "://", ":/", "/", "//", "///",
        "\\", "@", "user", "a", "example.com", "EXAMPLE", ".", "?", "#", "&", "=", ":80", ":443", ":8x", "%41", "%2", "&#46;",
        "\n", " ", "é", "\u{3002}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80, 0x80], [0x00]]

    /// `count` URIs of up to 7 pieces each, the same on every run.
    static func generated(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + random.next(below: 7))).flatMap { _ in pieces[random.next(below: pieces.count)] }
        }
    }

    static func patternParts(_ uri: [UInt8]) -> URICanonicalizer.HTTPParts? {
        guard let groups = URICanonicalizer.httpParts.groups(uri), let proto = groups[1], let host = groups[3], let rest = groups[4] else {
            return nil
        }
        return URICanonicalizer.HTTPParts(proto: proto, auth: groups[2] ?? [], host: host, rest: rest, port: groups[5] ?? [])
    }

    @Test func httpComponentsAgreeWithTheHTTPPartsPattern() {
        var matched = 0
        let schemes: [[UInt8]] = ["http://", "HTTPS://", "hTtP://", "http:/", "https:", ""].map { Array($0.utf8) }
        var random = SplitMix(seed: 40)
        for tail in Self.generated(600, seed: 41) {
            let uri = schemes[random.next(below: schemes.count)] + tail
            let parts = URICanonicalizer.httpComponents(of: uri)
            #expect(parts == Self.patternParts(uri), "\(uri)")
            if parts != nil { matched += 1 }
        }
        #expect(matched > 20)
        #expect(URICanonicalizer.httpComponents(of: Array("http://u@/x".utf8))?.host == Array("u@".utf8))
        #expect(URICanonicalizer.httpComponents(of: Array("http://u@h:81/x".utf8))?.port == Array("81".utf8))
    }

    @Test func slashRewritesAgreeWithTheirPatterns() {
        for uri in Self.generated(600, seed: 42) + [Array("http:example".utf8), Array("https:/x?y".utf8), Array("http://h?q".utf8)] {
            let slashes = uri.hasPrefixIgnoringCase("http") ? URICanonicalizer.httpSlashes.replacing(in: uri) { ($0[1] ?? []) + Array("//".utf8) } : uri
            #expect(URICanonicalizer.withTwoSlashes(uri) == slashes, "\(uri)")
            let query = URICanonicalizer.queryAfterHost.replacing(in: uri) { ($0[1] ?? []) + [UInt8(ascii: "/")] + ($0[2] ?? []) }
            #expect(URICanonicalizer.withSlashBeforeQuery(uri) == query, "\(uri)")
        }
        #expect(URICanonicalizer.withSlashBeforeQuery(Array("http://h?q".utf8)) == Array("http://h/?q".utf8))
    }

    @Test func schemeTestsAgreeWithTheirPatterns() {
        for uri in Self.generated(600, seed: 43) {
            #expect(TextURIFinder.hasKnownScheme(uri) == TextURIFinder.knownScheme.matches(uri), "\(uri)")
            #expect(TextURIFinder.hasWWWPrefix(uri) == TextURIFinder.wwwPrefix.matches(uri), "\(uri)")
        }
        for uri in Self.generated(600, seed: 45) {
            #expect(TextURIFinder.hasSlashBeforeAt(uri) == TextURIFinder.slashBeforeAt.matches(uri), "\(uri)")
            #expect(TextURIFinder.hasDotAfterAt(uri) == TextURIFinder.dotAfterAt.matches(uri), "\(uri)")
            #expect(TextURIFinder.mailHostBytes(uri) == TextURIFinder.mailHost.groups(uri).map { $0[1] ?? [] }, "\(uri)")
        }
        #expect(TextURIFinder.hasWWWPrefix(Array("WwW12.x".utf8)) && !TextURIFinder.hasWWWPrefix(Array("www123.x".utf8)))
    }

    @Test func hostTestsAgreeWithTheCopyingOnes() {
        let labels: [[UInt8]] = ["a", "Ex", "b_c", "-x", "x-", "com", "ORG", "", "9", "é", " ", "a b"].map { Array($0.utf8) }
            + [Array(repeating: UInt8(ascii: "a"), count: 64), [0xFF]]
        var random = SplitMix(seed: 46)
        let canonicalizer = URICanonicalizer(validTLDs: ["com", "org"], redirectorPatterns: [])
        for _ in 0..<400 {
            var host = (0..<(1 + random.next(below: 4))).map { _ in labels[random.next(below: labels.count)] }
                .joined(separator: [UInt8(ascii: ".")]).map { $0 }
            if random.next(below: 4) == 0 { host += [UInt8(ascii: ".")] }
            #expect(TextURIFinder.isFQDNValid(host) == TextURIFinder.isFQDNValidBySplitting(host), "\(host)")
            let lowered = URICanonicalizer.idnToASCII(host)
            var valid = false
            if !lowered.contains(where: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }), let dot = lowered.lastIndex(of: UInt8(ascii: ".")) {
                valid = canonicalizer.validTLDs.contains(String(decoding: lowered[(dot + 1)...], as: UTF8.self))
            }
            #expect(canonicalizer.isDomainValid(host) == valid, "\(host)")
        }
        #expect(TextURIFinder.isFQDNValid(Array("mail.Example.COM.".utf8)) && !TextURIFinder.isFQDNValid(Array("a_b.com".utf8)))
    }

    @Test func byteHelpersAgreeWithCopyingOnes() {
        let trailing = Set("-~!@#^&*()_+=:;'?,.".utf8)
        for byte in UInt8.min...UInt8.max { #expect(TextURIFinder.isTrailingPunctuation(byte) == trailing.contains(byte)) }
        let needles = ["http", "mailto:", "&#", "%20", "", "é"]
        for uri in Self.generated(300, seed: 44) {
            for needle in needles {
                let expected = Array(needle.utf8)
                let prefix = uri.count >= expected.count && uri[0..<expected.count].lowercasedASCII == expected.lowercasedASCII
                #expect(uri.hasPrefixIgnoringCase(needle) == prefix, "\(uri) \(needle)")
                let within = expected.isEmpty || (uri.count >= expected.count
                    && (0...(uri.count - expected.count)).contains { uri[$0..<($0 + expected.count)].elementsEqual(expected) })
                #expect(uri.contains(needle) == within, "\(uri) \(needle)")
                let lowered = uri.lowercasedASCII
                let withinLowered = expected.isEmpty || (lowered.count >= expected.count
                    && (0...(lowered.count - expected.count)).contains { lowered[$0..<($0 + expected.count)].elementsEqual(expected) })
                #expect(uri.containsIgnoringCase(needle) == withinLowered, "\(uri) \(needle)")
            }
        }
    }
}
