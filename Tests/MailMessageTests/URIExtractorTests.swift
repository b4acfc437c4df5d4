import MailMessage
import Testing

/// URIs in plain text, host names and normal forms.
@Suite struct URIExtractorTests {
    static func extract(_ text: String) -> [String] { URIExtractor.extract(from: text) }

    // MARK: extraction

    @Test func schemeURLsAreFoundToTheEndOfTheWord() {
        #expect(Self.extract("see http://example.com/path?a=1&b=2#frag and HTTPS://Secure.Example.org/x") == [
            "http://example.com/path?a=1&b=2#frag", "HTTPS://Secure.Example.org/x",
        ])
        #expect(Self.extract("ftp://files.example.net/pub/file.tar.gz") == ["ftp://files.example.net/pub/file.tar.gz"])
        #expect(Self.extract("URL:http://example.com") == ["http://example.com"])
    }

    @Test(arguments: [".", ",", ";", ":", "!", "?", ")", "]", ">", "'", "\"", "!)", ".\"", "),"])
    func trailingPunctuationIsTrimmed(_ punctuation: String) {
        #expect(Self.extract("(go to http://example.com/page\(punctuation) now") == ["http://example.com/page"])
    }

    @Test func parenthesesTheURLOpensAreKept() {
        #expect(Self.extract("http://en.example.org/wiki/Foo_(bar).") == ["http://en.example.org/wiki/Foo_(bar)"])
        #expect(Self.extract("(http://example.com/a)") == ["http://example.com/a"])
    }

    @Test func delimitersEndURLs() {
        #expect(Self.extract("<http://a.example.com/x>\"http://b.example.com/y\"") == ["http://a.example.com/x", "http://b.example.com/y"])
        #expect(Self.extract("链接http://c.example.com/z。下一句") == ["http://c.example.com/z"])
        #expect(Self.extract("“http://d.example.com/q”\u{00A0}next") == ["http://d.example.com/q"])
    }

    @Test func wwwAndBareHostsGetAScheme() {
        #expect(Self.extract("Visit www.Example.com/offer today") == ["http://www.Example.com/offer"])
        #expect(Self.extract("go to www2.example.xyz now") == ["http://www2.example.xyz"])
        #expect(Self.extract("cheap-pills.example.ru and shop.co.uk/sale, also ftp.example.org") == [
            "http://cheap-pills.example.ru", "http://shop.co.uk/sale", "ftp://ftp.example.org",
        ])
        #expect(Self.extract("example.com:8080/admin") == ["http://example.com:8080/admin"])
        #expect(Self.extract("SHOUTING.COM IS HERE") == ["http://SHOUTING.COM"])
        #expect(Self.extract("a.com,b.net") == ["http://a.com", "http://b.net"])
    }

    @Test func emailAddressesBecomeMailto() {
        #expect(Self.extract("write to John.Doe+spam@Mail.Example.COM, or <info@example.de>.") == [
            "mailto:John.Doe+spam@Mail.Example.COM", "mailto:info@example.de",
        ])
        #expect(Self.extract("mailto:sales@example.org?subject=hi") == ["mailto:sales@example.org?subject=hi"])
    }

    @Test(arguments: [
        "file.txt", "version 1.2.3", "v2.0.1-beta", "e.g. this", "i.e. that", "U.S. and U.K.", "price 3.50",
        "end.It was", "yes.No", "archive.tar.gz", "@handle", "user@localhost", "user@host.invalidtld", "a@b",
        "www.", "http://", "http:///", "mailto:", "...", "..com", "-bad-.com", "a..b.com",
    ])
    func thingsThatAreNotURIs(_ text: String) {
        #expect(Self.extract(text) == [], "\(text)")
    }

    @Test func repeatsAreReportedOnce() {
        #expect(Self.extract("http://a.example.com http://a.example.com www.b.example.com www.b.example.com") == [
            "http://a.example.com", "http://www.b.example.com",
        ])
    }

    @Test func megabyteOfDotsAndAtSignsStaysLinear() {
        let text = String(repeating: "a.b@c.", count: 200_000)
        let clock = ContinuousClock()
        var found: [String] = []
        let elapsed = clock.measure { found = Self.extract(text) }
        #expect(elapsed < .seconds(20))
        #expect(found.count <= 1)
    }

    @Test func manyShortWordsWithDotsStayLinear() {
        let text = String(repeating: "x.y ", count: 500_000)
        let elapsed = ContinuousClock().measure { #expect(Self.extract(text).isEmpty) }
        #expect(elapsed < .seconds(20))
    }

    // MARK: host

    @Test func hostIsLowerCasedWithoutUserPortOrDot() {
        #expect(URIExtractor.host(of: "HTTP://User:Pw@WWW.Example.COM.:8080/Path?q") == "www.example.com")
        #expect(URIExtractor.host(of: "https://example.org") == "example.org")
        #expect(URIExtractor.host(of: "http://[2001:DB8::1]:80/") == "[2001:db8::1]")
        #expect(URIExtractor.host(of: "http:\\\\back.example.com\\x") == "back.example.com")
        // Browsers skip extra slashes after the scheme, so the host is what follows them.
        #expect(URIExtractor.host(of: "http:///evil.example.com/x") == "evil.example.com")
        #expect(Self.extract("go http:///evil.example.com/x") == ["http:///evil.example.com/x"])
    }

    @Test func hostOfMailtoAndSchemelessInput() {
        #expect(URIExtractor.host(of: "mailto:Bob@Example.NET?subject=x") == "example.net")
        #expect(URIExtractor.host(of: "bob@example.net") == "example.net")
        #expect(URIExtractor.host(of: "www.example.com/path") == "www.example.com")
        #expect(URIExtractor.host(of: "  example.com  ") == "example.com")
    }

    @Test func hostDecodesEscapesAndInternationalNames() {
        #expect(URIExtractor.host(of: "http://%65xample.com/") == "example.com")
        #expect(URIExtractor.host(of: "http://Bücher.example/") == "xn--bcher-kva.example")
        #expect(URIExtractor.host(of: "http://b%C3%BCcher.example/") == "xn--bcher-kva.example")
    }

    @Test func noHostForOpaqueOrEmptyURIs() {
        #expect(URIExtractor.host(of: "javascript:alert(1)") == nil)
        #expect(URIExtractor.host(of: "http://") == nil)
        #expect(URIExtractor.host(of: "mailto:nobody") == nil)
        #expect(URIExtractor.host(of: "") == nil)
    }

    // MARK: normalize

    @Test func normalizeAddsSchemesAndLowerCasesHosts() {
        #expect(URIExtractor.normalize("www.Example.COM/Path") == "http://www.example.com/Path")
        #expect(URIExtractor.normalize("ftp.example.org/pub") == "ftp://ftp.example.org/pub")
        #expect(URIExtractor.normalize("Example.com") == "http://example.com")
        #expect(URIExtractor.normalize("HTTPS://User@Host.Example.ORG:443/A?B") == "https://User@host.example.org:443/A?B")
        #expect(URIExtractor.normalize("http://%77%77%77.example.com/%41") == "http://www.example.com/%41")
        #expect(URIExtractor.normalize("Bob@Example.NET") == "mailto:Bob@example.net")
        #expect(URIExtractor.normalize("MAILTO:Bob@Example.NET") == "mailto:Bob@example.net")
    }

    @Test func extractedURIsNormalizeToThemselvesOnceLowerCased() {
        for uri in Self.extract("www.example.com/a b.example.org x@example.net http://example.com/x") {
            #expect(URIExtractor.normalize(uri) == uri, "\(uri)")
            #expect(URIExtractor.host(of: uri) != nil, "\(uri)")
        }
    }
}
