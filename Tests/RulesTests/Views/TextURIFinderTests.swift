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
}
