import Testing
@testable import Rules

@Suite struct RedirectorUnionTests {
    /// SpamAssassin's stock `redirector_pattern`s (20_uri_tests.cf and friends).
    static let stockPatterns: [CompiledRegex] = [
        #"^http:\/\/chkpt\.zdnet\.com\/chkpt\/\w+\/(.*)$"#,
        #"^http:\/\/www(?:\d+)?\.nate\.com\/r\/\w+\/(.*)$"#,
        #"^http:\/\/.+\.gov\/(?:.*\/)?externalLink\.jhtml\?.*url=(.*?)(?:&.*)?$"#,
        #"^http:\/\/redir\.internet\.com\/.+?\/.+?\/(.*)$"#,
        #"^http:\/\/(?:.*?\.)?adtech\.de\/.*(?:;|\|)link=(.*?)(?:;|$)"#,
        ##"^http.*?/redirect\.php\?.*(?<=[?&])goto=(.*?)(?:$|[&\#])"##,
        #"^https?:/*(?:[^/]+\.)?emf\d\.com/r\.cfm.*?&r=(.*)"#,
        ##"/(?:index.php)?\?.*(?<=[?&])URL=(.*?)(?:$|[&\#])"##,
        ##"^https?:/*(?:\w+\.)?google(?:\.\w{2,3}){1,2}/url\?.*?(?<=[?&])q=(.*?)(?:$|[&\#])"##,
        ##"^https?:/*(?:\w+\.)?aol\.com/redir\.adp\?.*(?<=[?&])_url=(.*?)(?:$|[&\#])"##,
        #"^https?/*(?:\w+\.)?facebook\.com/l/;(.*)"#,
    ].map { try! CompiledRegex($0, options: .caseless) }

    @Test func patternsThatCouldChangeMeaningInAnAlternationAreLeftOut() {
        for unsafe in [#"(a)\1"#, #"(?<n>a)\k<n>"#, #"\g{1}"#, #"\Qa|b"#, "a # comment", "(*COMMIT)a", "(?1)", "(?R)", "(?&n)", "(?(1)a|b)", "(?-1)", "(?+1)", "(?P=n)"] {
            #expect(!RedirectorUnion.isSelfContained(Array(unsafe.utf8)), "\(unsafe)")
        }
        for safe in [#"^http:\/\/x\.com\/(.*)$"#, #"(?i)a(?-i)b"#, ##"\#"##, #"[\d]+\.(?:a|b)"#, "(?<=[?&])q=(.*?)"] {
            #expect(RedirectorUnion.isSelfContained(Array(safe.utf8)), "\(safe)")
        }
        #expect(RedirectorUnion(Self.stockPatterns) != nil)
        #expect(RedirectorUnion([try! CompiledRegex(#"(a)\1"#), try! CompiledRegex("b")]) == nil)
    }

    @Test func unionRulesOutOnlyWhatNoPatternMatches() {
        let union = RedirectorUnion(Self.stockPatterns)!
        var matched = 0
        for uri in Self.sampleURIs() {
            let any = Self.stockPatterns.contains { $0.firstMatch(in: uri).isMatch }
            let may = uri.withUnsafeBufferPointer(union.mayMatch)
            if any { matched += 1 }
            #expect(may == any, "\(String(decoding: uri, as: UTF8.self))")
        }
        #expect(matched > 5)
    }

    @Test func canonicalFormsAreTheSameWithAndWithoutTheUnion() {
        let united = URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: Self.stockPatterns)
        let separate = URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: Self.stockPatterns, unitingRedirectors: false)
        for uri in Self.sampleURIs() {
            #expect(united.canonicalize(uri) == separate.canonicalize(uri), "\(String(decoding: uri, as: UTF8.self))")
        }
    }

    /// Redirecting and ordinary URIs, then pieces of them put together at random.
    static func sampleURIs() -> [[UInt8]] {
        let fixed = [
            "http://chkpt.zdnet.com/chkpt/abc/www.example.com/x", "http://www2.nate.com/r/x/www.example.org",
            "http://a.b.gov/x/externalLink.jhtml?a=1&url=http://www.example.net&y", "http://redir.internet.com/a/b/www.example.com",
            "http://x.adtech.de/a;link=http://www.example.com;z", "http://h.example.com/redirect.php?a=1&goto=www.example.org&b",
            "https://www.emf3.com/r.cfm?x=1&r=http://www.example.com", "http://h.example.com/index.php?a&URL=http://x.example.org",
            "https://www.google.com/url?sa=t&q=http://www.example.com/&x", "http://my.aol.com/redir.adp?_url=http://www.example.org",
            "https://www.facebook.com/l/;www.example.com/x", "http://www.example.com/", "mailto:a@example.com", "http://1.2.3.4/x",
            "HTTP://WWW.GOOGLE.CO.UK/URL?Q=HTTP://X.EXAMPLE.COM", "http://example.com/?url=x", "ftp://ftp.example.com/a",
        ]
        let pieces = ["http://", "https:/", "www.", "google", ".com", ".co.uk", "/url?", "q=", "&", "goto=", "redirect.php?", "/", "?",
                      "URL=", "index.php", "example.org", "aol.com/redir.adp?", "_url=", "#", ";link=", "adtech.de", "x"]
        var generator = SystemRandomNumberGenerator()
        var uris = fixed.map { Array($0.utf8) }
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            uris.append(Array(text.utf8))
        }
        return uris
    }
}
