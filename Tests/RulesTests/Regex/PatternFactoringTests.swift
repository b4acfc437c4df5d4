import Testing
@testable import Rules

@Suite struct PatternFactoringTests {
    private func factored(_ pattern: String, _ options: RegexOptions = []) -> [UInt8]? {
        PatternFactoring.factor(Array(pattern.utf8), extended: options.contains(.extended), minimumSaving: 1, minimumFragmentLength: 4)
    }

    /// The factored pattern finds exactly the matches of the original on random texts.
    private func expectSameMatches(_ pattern: String, _ options: RegexOptions = [], alphabet: [String], minimumMatches: Int = 50, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let rewritten = try #require(factored(pattern, options), "nothing factored in \(pattern)", sourceLocation: sourceLocation)
        let original = try CompiledRegex(pattern, options: options)
        let subroutines = try CompiledRegex(bytes: rewritten, options: options)
        var generator = SplitMix(seed: 7)
        var matched = 0
        for _ in 0..<2000 {
            var text: [UInt8] = []
            for _ in 0..<generator.next(below: 10) { text += Array(alphabet[generator.next(below: alphabet.count)].utf8) }
            let expected = original.matches(in: text)
            #expect(subroutines.matches(in: text).ranges == expected.ranges,
                    "\(String(decoding: rewritten, as: UTF8.self)) on \(String(decoding: text, as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
            if !expected.ranges.isEmpty { matched += 1 }
        }
        #expect(matched >= minimumMatches, sourceLocation: sourceLocation)
    }

    @Test func repeatedGroupsBecomeSubroutinesWithTheSameMatches() throws {
        try expectSameMatches("(?:alpha|beta|gamma)\\s+(?:one|two)|(?:alpha|beta|gamma)-(?:one|two)",
                              alphabet: ["alpha", "beta", "gamma", " ", "-", "one", "two", "x"])
        try expectSameMatches("(?:[vV]|\\\\/)(?:[iI1]|!)agra|(?:[vV]|\\\\/)(?:[iI1]|!)codin", .caseless,
                              alphabet: ["v", "V", "\\/", "i", "1", "!", "agra", "codin", "AGRA", " "])
    }

    @Test func countedRepeatsBecomeOneSubroutine() throws {
        let rewritten = try #require(factored("(?:(?:red|green|blue)\\s?){3}!"))
        #expect(String(decoding: rewritten, as: UTF8.self).contains("(?(DEFINE)"))
        try expectSameMatches("(?:(?:red|green|blue)\\s?){3}!", alphabet: ["red", "green", "blue", " ", "!", "re"])
    }

    @Test func subroutineCallsBacktrackLikeTheGroup() throws {
        // The first group must give back what it took for the rest to match.
        try expectSameMatches("(?:(?:a|ab|abc)(?:c|bcd)){2}d", alphabet: ["a", "ab", "abc", "c", "bcd", "d"], minimumMatches: 20)
        try expectSameMatches("(?:x(?:a+|b+)+){2}ab", alphabet: ["x", "a", "b", "ab", "xa"], minimumMatches: 20)
    }

    @Test func aGroupRewrittenInOneRoundIsFactoredInTheNext() throws {
        // Round one moves the inner group out of both outer groups; round two must find the
        // outer groups in their rewritten text, not where they were before.
        let pattern = "(?:(?:alpha|beta)x(?:alpha|beta))y(?:(?:alpha|beta)x(?:alpha|beta))"
        let rewritten = try #require(factored(pattern))
        #expect(String(decoding: rewritten, as: UTF8.self) == "(?&swfilterFragment2)y(?&swfilterFragment2)(?(DEFINE)"
            + "(?<swfilterFragment1>(?:alpha|beta))(?<swfilterFragment2>(?:(?&swfilterFragment1)x(?&swfilterFragment1))))")
        try expectSameMatches(pattern, alphabet: ["alphaxbeta", "betaxalpha", "alphaxalp", "y", "x", "beta"])
    }

    @Test func patternsThatCannotBeRewrittenAreLeftAlone() {
        #expect(factored("(?:alpha|beta)(\\w)\\1(?:alpha|beta)") == nil)  // back reference
        #expect(factored("(?i)(?:alpha|beta)x(?:alpha|beta)") == nil)  // inline options
        #expect(factored("(?<tag>alpha|beta)(?:alpha|beta)") == nil)  // named group
        #expect(factored("(?:(alpha)|beta)x(?:(alpha)|beta)") == nil)  // the groups capture
        #expect(factored("(*UTF)(?:alpha|beta)(?:alpha|beta)") == nil)
    }

    @Test func aPatternTooLargeForPCRE2CompilesAfterFactoring() throws {
        // Every letter spelled as itself or one of its 8-bit look-alikes, as SpamAssassin's
        // fuzzy rules do, over a few hundred words.
        func letter(_ character: Character) -> String {
            let byte = character.asciiValue!
            return "(?:[\(character)\(character.uppercased())]|[\\xc3][\\x80-\\x9f]|[\\xc4][\\x80-\\x9f]|&#(?:1[0-9]{2}|2[0-4]\(byte % 10));)"
        }
        var generator = SplitMix(seed: 11)
        let words = (0..<300).map { _ in String((0..<6).map { _ in Character(UnicodeScalar(UInt8(0x61 + generator.next(below: 26)))) }) }
        let pattern = "(?:^|\\s)(?:" + words.map { $0.map(letter).joined() }.joined(separator: "|") + ")\\b"
        #expect(pattern.utf8.count > 100_000)
        let regex = try CompiledRegex(pattern, options: .caseless)
        #expect(regex.patternBytes.count < pattern.utf8.count / 2)
        #expect(regex.literalSource == Array(pattern.utf8))
        for word in words.prefix(20) {
            #expect(regex.firstMatch(in: Array("say \(word.uppercased()) now".utf8)).isMatch)
            #expect(!regex.firstMatch(in: Array("say x\(word) now".utf8)).isMatch)
        }
        #expect(!regex.firstMatch(in: Array("nothing of the sort".utf8)).isMatch)
    }
}

/// Ties between equally large savings go to the group seen first, whatever the order of the
/// dictionary the groups are counted in (it changes from run to run).
@Suite struct PatternFactoringTieTests {
    @Test func equalSavingsFactorTheFirstGroupFirst() throws {
        let pattern = Array("(?:abcdef)x(?:ghijkl)y(?:abcdef)(?:ghijkl)".utf8)
        for _ in 0..<20 {
            let rewritten = try #require(PatternFactoring.factor(pattern, extended: false, minimumSaving: 1, minimumFragmentLength: 4))
            let text = String(decoding: rewritten, as: UTF8.self)
            #expect(text.contains("(?<swfilterFragment1>(?:abcdef))") && text.contains("(?<swfilterFragment2>(?:ghijkl))"), "\(text)")
        }
    }
}
