import Testing
@testable import Rules

/// Expected lists are what SpamAssassin 4.0.1's `Util::uri_list_canonicalize` returns for the
/// same input, quirks included.
@Suite struct URICanonicalizerTests {
    private let canonicalizer = URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: [])

    private func variants(_ uri: String) -> [String] {
        canonicalizer.canonicalize(Array(uri.utf8)).map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    @Test func addsTheVariantsSpamAssassinAdds() {
        #expect(variants("http:www.foo.biz") == ["http://www.foo.biz", "http:www.foo.biz"])
        #expect(variants("http://1113343453/") == ["http://1113343453/", "http://66.92.69.221/"])
        #expect(variants("http://0x7f000001/index.html") == ["http://0x7f000001/index.html", "http://127.0.0.1/index.html"])
        #expect(variants("http://012.0x10.1.2/") == ["http://012.0x10.1.2/", "http://10.16.1.2/"])
        #expect(variants("http://www.example.com:80/a") == ["http://www.example.com/a", "http://www.example.com:80/a"])
        #expect(variants("http://foobar/") == ["http://foobar/", "http://www.foobar.com/"])
        #expect(variants("http://example.com./x") == ["http://example.com./x", "http://example.com/x"])
        #expect(variants("http://user:pw@host.example.com/") == ["http://user:pw@host.example.com/"])
    }

    @Test func followsOneRedirection() {
        #expect(variants("http://r.example.com/go?u=http://target.example.org/x&y=1")
            == ["http://r.example.com/go?u=http://target.example.org/x&y=1", "http://target.example.org/x"])
    }

    @Test func redirectorPatternsComeFirst() throws {
        let pattern = try CompiledRegex("^https?://t\\.example\\.net/r/(.*)$", options: .caseless)
        let withPattern = URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: [pattern])
        let found = withPattern.canonicalize(Array("http://t.example.net/r/www.target.example.org".utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(found.contains("www.target.example.org"))
        #expect(found.contains("http://www.target.example.org"))
    }

    @Test func mailtoLosesItsQuery() {
        #expect(variants("mailto:joe@example.com?subject=hi") == ["mailto:joe@example.com", "mailto:joe@example.com?subject=hi"])
    }

    @Test func keepsSpamAssassinsQuirksWithEntities() {
        // SpamAssassin's documentation promises "http://www.example.com/" here; its code gives this.
        #expect(variants("http://%77&#00119;%77.example.com/") == [
            "http://%77&#00119;%77.example.com/", "http://w&/#00119;w.example.com/", "http://w/#00119;w.example.com/",
            "http://www.w&.com/#00119;w.example.com/",
        ])
    }

    @Test func urlDecodeKeepsUnsafeEscapes() {
        let decoded = URICanonicalizer.urlDecode(Array("a%41%20%2f%7f%e9 \"<>".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "aA%20/%7f%e9%20%22%3c%3e")
    }

    @Test func redirectionChainsAreBounded() {
        var uri = "http://end.example.com/"
        for level in 0..<200 { uri = "http://hop\(level).example.com/?u=" + uri }
        #expect(canonicalizer.canonicalize(Array(uri.utf8)).count <= URICanonicalizer.maxVariants + 8)
    }
}
