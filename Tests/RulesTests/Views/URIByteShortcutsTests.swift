import Testing
@testable import Rules

/// The byte tests that stand in for (or spare a run of) the URI patterns answer as the patterns do.
@Suite struct URIByteShortcutsTests {
    static let samples: [String] = [
        "", "#", "#x", "?a=b", "&x", "/", "//", "/path", "//host/x", "http://example.com", "HTTP://EXAMPLE.COM:80/x", "https:/x",
        "ftp.example.com", "mailto:a@b.c", "a-b_c9:rest", "-:", "_:", ":", ":x", "9:", "x y:z", "é:x", "ht\ntp:", "http:///x",
        "www.foo", "www.", "www.foo.bar", "www", "foo", "foo.", ".foo", "wwwx.foo", "WWW.foo", "foo\n", "www.foo\n",
        "1.2.3.4", "1.2.3.4\n", "[::1]", "::ffff:1.2.3.4", "[fe80::1]", "abc:def", "g:1", "1.2.3", "x1.2.3.4", "1.2.3.4 ",
        "%41", "%2", "%zz", "a%7f", "10.0.0.1:8080", "host:", "host:99", "host:9x", "a:b:c", "javascript:", "h:/", "h://", "h:///",
        "\u{E9}.com", "0x7f.1", "[1.2.3.4]", "2001:db8::", "G::",
    ]

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func skippedAndSchemeTestsAgreeWithThePatterns() {
        for sample in Self.samples {
            let uri = bytes(sample)
            #expect(URICanonicalizer.isSkipped(uri) == URICanonicalizer.skipped.matches(uri), "\(sample)")
            #expect(URICanonicalizer.startsWithScheme(uri) == URICanonicalizer.hasScheme.matches(uri), "\(sample)")
            #expect(URIListBuilder.droppingScheme(uri) == URIListBuilder.scheme.replacing(in: uri) { _ in [] }, "\(sample)")
        }
    }

    @Test func preChecksOnlyRuleOutWhatThePatternsRuleOut() {
        for sample in Self.samples {
            let text = bytes(sample)
            if URICanonicalizer.hasDotAfterWWW(text) { #expect(!URICanonicalizer.bareName.matches(text), "\(sample)") }
            if !URIListBuilder.mayBeIPAddress(text) { #expect(!URIListBuilder.ipAddress.matches(text), "\(sample)") }
            if !text.contains(UInt8(ascii: ":")) {
                #expect(URIListBuilder.port.replacing(in: text) { _ in [] } == text, "\(sample)")
                #expect(!TextURIFinder.emptyURI.matches(text), "\(sample)")
            }
            if !text.contains(UInt8(ascii: "%")) {
                #expect(!URIListBuilder.encodedPrintable.matches(text) && !TextURIFinder.percentEscape.matches(text), "\(sample)")
            }
        }
        // the pre-checks let the matching cases through
        #expect(!URICanonicalizer.hasDotAfterWWW(bytes("www.foo")) && URICanonicalizer.bareName.matches(bytes("www.foo")))
        #expect(URIListBuilder.mayBeIPAddress(bytes("1.2.3.4")) && URIListBuilder.ipAddress.matches(bytes("1.2.3.4")))
    }

    @Test func byteSearchesAgreeWithSliceComparisons() {
        let alphabet: [UInt8] = Array("hHtTpP%20&".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            for needle in ["http", "%20", "&#", "", "hTtP"] {
                let bytes = Array(needle.utf8)
                let plain = bytes.isEmpty || (text.count >= bytes.count && (0...(text.count - bytes.count)).contains {
                    text[$0..<($0 + bytes.count)].elementsEqual(bytes)
                })
                #expect(text.contains(needle) == plain, "\(needle) in \(text)")
                let lowered = text.lowercasedASCII
                let folded = bytes.isEmpty || (lowered.count >= bytes.count && (0...(lowered.count - bytes.count)).contains {
                    lowered[$0..<($0 + bytes.count)].elementsEqual(bytes)
                })
                #expect(text.containsIgnoringCase(needle) == folded, "\(needle) in \(text)")
            }
        }
    }
}
