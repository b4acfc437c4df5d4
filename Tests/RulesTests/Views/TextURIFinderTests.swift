import Testing
@testable import Rules

@Suite struct TextURIFinderTests {
    @Test func tldTrieMatchesTheSameNamesAsAFlatList() throws {
        let tlds: Set<String> = ["com", "co", "coop", "c", "org", "xn--p1ai", "uk", "museum"]
        let trie = try CompiledRegex("^(?:" + TextURIFinder.trie(of: tlds) + ")$")
        let flat = try CompiledRegex("^(?:" + tlds.sorted().joined(separator: "|") + ")$")
        for candidate in ["com", "co", "coop", "coo", "c", "org", "or", "xn--p1ai", "xn--p1a", "uk", "museum", "museu", "comx", ""] {
            #expect(trie.firstMatch(in: Array(candidate.utf8)).isMatch == flat.firstMatch(in: Array(candidate.utf8)).isMatch, "\(candidate)")
        }
    }

    @Test func findsLinkableTextAsSpamAssassinDoes() throws {
        let finder = try TextURIFinder(canonicalizer: URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: []))
        let lines = ["see www.example.com, http://a.example.org/x). or mail bob@example.net! foo.invalidtld and cid:x@y.com\n"]
        let found = finder.uris(in: lines.map { Array($0.utf8) }).map { String(decoding: $0, as: UTF8.self) }
        #expect(found == ["http://www.example.com", "http://a.example.org/x", "mailto:bob@example.net"])
    }

    /// Lines built to test the word skipping: URIs touching punctuation, tabs, form feeds, CR,
    /// vertical tab (not a word break), brackets, 8-bit bytes, escapes, ports, e-mail addresses
    /// split by white space, and words ending at the end of the line.
    static let trickyLines: [String] = [
        "see www.example.com, http://a.example.org/x). or mail bob@example.net! foo.invalidtld and cid:x@y.com\n",
        "plain words only, no links at all\n",
        "tab\twww.example.com\tand\u{0C}ftp.example.org\rhttps://x.example.net:8080/p?q=1#f",
        "vt\u{0B}www.example.com\u{0B}x and bob\u{0B}@example.com and user @ example.com",
        "(http://paren.example.com/a(b)c) [www.bracket.example.org] <mailto:a@b.example.com>",
        "ends with a host example.com",
        "example.com.",
        "http://",
        "mailto:someone%40example.com?subject=x mailto:",
        "caf\u{E9}.example.com and \u{00A0}www.nbsp.example.com and \u{1B}(Bwww.shift.example.org",
        "x@y z@example.co.uk a.b.c.d 1.2.3.4 http://1.2.3.4/ 0x7f.1/x",
        "www2.example.com www123.example.com WWW.EXAMPLE.COM HTTP://UPPER.EXAMPLE.COM",
        "a:b c:d e.f g@h ::: ... @@@",
        "skype:me@example.com e-mail:me@example.com",
        "http://example.com/" + String(repeating: "a", count: 3000) + " tail.example.org",
        String(repeating: "word ", count: 400) + "last.example.com",
    ]

    @Test func skippingPlainWordsFindsWhatTheWholeLineSearchFinds() throws {
        let finder = try TextURIFinder(canonicalizer: URICanonicalizer(validTLDs: ViewOptions.commonTLDs, redirectorPatterns: []))
        var lines = Self.trickyLines.map { Array($0.utf8) }
        // raw bytes that are not UTF-8 around a link
        lines.append([0xFF, 0x20] + Array("www.example.com".utf8) + [0xE9, 0x2E, 0x63, 0x6F, 0x6D, 0x0A])
        // every line also as one text, and cut at each position of the first tricky line
        lines.append(lines.flatMap { $0 + [0x0A] })
        let first = lines[0]
        for cut in 0..<first.count { lines.append(Array(first[..<cut])) }
        for line in lines {
            let skipping = finder.uris(in: [line])
            let whole = finder.uris(in: [line], skippingPlainWords: false)
            #expect(skipping == whole, "\(String(decoding: line.prefix(80), as: UTF8.self))")
        }
        #expect(!finder.uris(in: lines).isEmpty)
    }

    @Test func candidateWordsAreTheOnesHoldingAByteAMatchNeeds() {
        let line = Array("one two.three four\tfive@six seven:eight ten://x end. mailto:z nine".utf8)
        line.withUnsafeBufferPointer { buffer in
            var words: [String] = []
            var position = 0
            while let word = TextURIFinder.firstCandidateWord(in: buffer, from: position) {
                words.append(String(decoding: buffer[word], as: UTF8.self))
                position = word.upperBound
            }
            // "seven:eight" and "end." hold no byte a match needs: no ":" before "/" or after "mailto", no dot before more
            #expect(words == ["two.three", "five@six", "ten://x", "mailto:z"])
            // from inside a word, its rest is the candidate
            #expect(TextURIFinder.firstCandidateWord(in: buffer, from: 5).map { String(decoding: buffer[$0], as: UTF8.self) } == "wo.three")
        }
    }

    @Test func candidateByteSearchFindsTheWordTheWordByWordScanFinds() {
        let alphabet: [UInt8] = [0x61, 0x62, 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2E, 0x40, 0x3A, 0x2F, 0xC3, 0xA9, 0x00, 0x7F]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let line = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            line.withUnsafeBufferPointer { buffer in
                for position in 0...buffer.count {
                    #expect(TextURIFinder.firstCandidateWord(in: buffer, from: position)
                        == TextURIFinder.firstCandidateWordByWords(in: buffer, from: position), "\(line) from \(position)")
                }
            }
        }
    }
}
