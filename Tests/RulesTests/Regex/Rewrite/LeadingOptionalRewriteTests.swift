import Testing
@testable import Rules

@Suite struct LeadingOptionalRewriteTests {
    private func rewritten(_ pattern: String, options: RegexOptions = []) -> String? {
        LeadingOptionalRewrite.rewrite(Array(pattern.utf8), options: options).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func optionalItemsAtTheStartAreDropped() {
        #expect(rewritten("a?bc") == "bc")
        #expect(rewritten("(?:x|y)*z") == "z")
        #expect(rewritten("a{0,3}b") == "b")
        #expect(rewritten("a??[b-d]") == "[b-d]")
        #expect(rewritten("(?:your\\s)?(?:full\\s)?name") == "name")
        #expect(rewritten("a?b?c?") == "")
    }

    @Test func onlyTheVeryStartIsRewritten() {
        #expect(rewritten("^a?b") == nil)
        #expect(rewritten("\\ba?b") == nil)
        #expect(rewritten("(?<=x)a?b") == nil)
        #expect(rewritten("(?=a)a?b") == nil)
        #expect(rewritten("ba?c") == nil)
        #expect(rewritten("abc") == nil)
    }

    @Test func optionSettingsStayAndDoNotStopTheRewrite() {
        #expect(rewritten("(?i)a?b") == "(?i)b")
        #expect(rewritten("(?#note)a?b") == "(?#note)b")
    }

    @Test func eachTopLevelBranchIsRewritten() {
        #expect(rewritten("a?b|c?d") == "b|d")
        #expect(rewritten("a?b|c?") == "")
    }

    @Test func groupsMatchedOnceAreOpened() {
        #expect(rewritten("(?:a?b|c)d") == "(?:b|c)d")
        #expect(rewritten("(a?b)d") == "(b)d")
        #expect(rewritten("(?i:a?b)d") == "(?i:b)d")
        #expect(rewritten("(?<tag>a?b)d") == "(?<tag>b)d")
        // A branch left empty lets the group match empty: the group goes.
        #expect(rewritten("(?:a?|c)d") == "d")
        #expect(rewritten("(?:|c)d") == "d")
        #expect(rewritten("(?:(?:x)?|c){2,5}d") == "d")
    }

    @Test func countedGroupsAreUnrolledOnce() {
        #expect(rewritten("(?:a?b){3}") == "(?:b)(?:a?b){2}")
        #expect(rewritten("(?:a?b){2,5}c") == "(?:b)(?:a?b){1,4}c")
        #expect(rewritten("(?:a?b)+") == "(?:b)(?:a?b)*")
        #expect(rewritten("(?:a?b){3,}") == "(?:b)(?:a?b){2,}")
        #expect(rewritten("(?:a?b){2,4}?") == "(?:b)(?:a?b){1,3}?")
        #expect(rewritten("(?:(?:x)?(?:y)?z|w){2}") == "(?:z|w)(?:(?:x)?(?:y)?z|w)")
        // Nothing to drop in the first copy: left alone.
        #expect(rewritten("(?:ab){3}") == nil)
    }

    @Test func leadingGroupsOfOneByteOrNoneBecomeAssertions() {
        #expect(rewritten("(?:^|\\s)ab") == "(?:^|(?<=\\s))ab")
        #expect(rewritten("(?:\\b|\\s)x") == "(?:\\b|(?<=\\s))x")
        #expect(rewritten("(?:^|[\\s,.])x") == "(?:^|(?<=[\\s,.]))x")
        #expect(rewritten("(?:\\s|\\A|a)x") == "(?:(?<=\\s)|\\A|(?<=a))x")
        #expect(rewritten("(?:a?b)?(?:^|\\s)x") == "(?:^|(?<=\\s))x")
        #expect(rewritten("(?:(?:^|\\s)x|y)z") == "(?:(?:^|(?<=\\s))x|y)z")
        #expect(rewritten("a(?:^|\\s)b") == nil)
        #expect(rewritten("(?:^|\\sa)b") == nil)
        #expect(rewritten("(?:^|\\R)b") == nil)  // \R can match two bytes
        #expect(rewritten("(?:^|\\b)b") == nil)  // nothing consumed: nothing to gain
        #expect(rewritten("(?:^|\\s)+b") == nil)
    }

    @Test func boundaryGroupsNarrowTheStartBytes() throws {
        let pattern = "(?:^|\\s)(?:pay\\sme|(?:send|give)\\s(?:to\\s)?me)\\s\\d"
        let original = try CompiledRegex(pattern, options: .caseless)
        let rewrite = try CompiledRegex(bytes: try #require(LeadingOptionalRewrite.rewrite(Array(pattern.utf8))), options: .caseless)
        // White space no longer starts a match: only the words' first letters do.
        #expect(rewrite.startByteCount < original.startByteCount)
        for byte in Array(" \t\n".utf8) { #expect(rewrite.firstMatch(in: [byte]) == .noMatch) }
        for line in ["pay me 5", "x send me 5", "send to me 5", "pay me", "spay me 5"] {
            #expect(original.firstMatch(in: Array(line.utf8)).isMatch == rewrite.firstMatch(in: Array(line.utf8)).isMatch, "\(line)")
        }
    }

    @Test func constructsThatCutTheSearchAreNotOpened() {
        // `a?+ab` finds no match in "ab" where `ab` does: possessive and atomic items stay.
        #expect(rewritten("a?+ab") == nil)
        #expect(rewritten("(?>a?)ab") == nil)
        #expect(rewritten("(?:a?b){2}+") == nil)
        #expect(rewritten("(?!x)a?b") == nil)
        // Copying a named group would define its name twice.
        #expect(rewritten("(?<tag>a?b){2}") == nil)
        #expect(rewritten("(?:(?<tag>x)?b){2}") == nil)
    }

    @Test func patternsDependingOnMoreThanTheTextAreRefused() {
        #expect(rewritten("(a)?b\\1") == nil)
        #expect(rewritten("(?<n>a)?b\\k<n>") == nil)
        #expect(rewritten("a?b\\g{1}") == nil)
        #expect(rewritten("a?\\Gb") == nil)
        #expect(rewritten("a?b(*COMMIT)c") == nil)
        #expect(rewritten("(*UTF)a?b") == nil)
        #expect(rewritten("(a)?(?(1)b|c)") == nil)
        #expect(rewritten("a?(?R)?b") == nil)
        #expect(rewritten("(a)?(?1)") == nil)
        #expect(rewritten("a?\\Qb\\E") == nil)
        #expect(rewritten("a?b", options: .extended) == nil)
        #expect(rewritten("(?x)a? b") == nil)
    }

    @Test func syntaxItDoesNotFollowIsRefused() {
        #expect(rewritten("a{,3}b") == nil)  // a quantifier only from PCRE2 10.43
        #expect(rewritten("a{ 1}b") == nil)
        #expect(rewritten("(?:a?b") == nil)
        #expect(rewritten("a?b)") == nil)
        #expect(rewritten("[a?b") == nil)
        #expect(rewritten("a?[[:alpha]b") == nil)
    }

    @Test func classesAndEscapesAreSkippedWhole() {
        #expect(rewritten("[]?)(]?x") == "x")
        #expect(rewritten("[^]a]?x") == "x")
        #expect(rewritten("[[:alpha:]?]?x") == "x")
        #expect(rewritten("\\x{41}?\\x41?\\010?\\cA?\\p{L}?x") == "x")
        #expect(rewritten("\\0101?x") == nil)  // `\010` then an optional `1`
        #expect(rewritten("\\(?x") == "x")
        #expect(rewritten("\\01?x") == "x")
        #expect(rewritten("a{b?x") == nil)  // `{` is a literal here, so `a` is not optional
        #expect(rewritten("[\\]?]?x") == "x")
    }

    @Test func rewriteNarrowsTheBytesAMatchCanStartWith() throws {
        // The shape of __FILL_THIS_FORM_SHORT2: every part of the group's start is optional.
        let pattern = "(?:(?:a?\\s?copy\\sof\\s)?(?:(?:your|din)[\\s,:]{1,5})?(?:present\\s|full\\s?){0,3}(?:name|address|phone)(?:\\sin\\sfull)?:?(?:[\\s_.]{1,100}|\\sor\\s)){3}"
        let original = try CompiledRegex(pattern, options: .caseless)
        let bytes = try #require(LeadingOptionalRewrite.rewrite(Array(pattern.utf8), options: .caseless))
        let rewrite = try CompiledRegex(bytes: bytes, options: .caseless)
        // The optional `\\s?copy` no longer lets every white space byte start a match.
        #expect(rewrite.startByteCount < original.startByteCount)
        for line in ["Your full name: ____ address: ____ phone: ____", "name or address or phone", "a copy of your name", "names"] {
            #expect(original.firstMatch(in: Array(line.utf8)).isMatch == rewrite.firstMatch(in: Array(line.utf8)).isMatch, "\(line)")
        }
    }

    @Test func randomPatternsMatchWhereTheOriginalDoes() throws {
        var random = SplitMix(seed: 0x1EAD)
        var rewrittenCount = 0, matchingTexts = 0
        let optionSets: [RegexOptions] = [[], [.caseless], [.multiline], [.dotAll, .caseless]]
        for _ in 0..<2000 {
            let pattern = LeadingPattern.make(using: &random)
            let options = optionSets[random.next(below: optionSets.count)]
            guard let original = try? CompiledRegex(pattern, options: options),
                  let bytes = LeadingOptionalRewrite.rewrite(Array(pattern.utf8), options: options) else { continue }
            let display = String(decoding: bytes, as: UTF8.self)
            let rewrite = try #require(try? CompiledRegex(bytes: bytes, options: options), "\(pattern) -> \(display)")
            rewrittenCount += 1
            for _ in 0..<30 {
                let text = random.next() % 4 == 0 ? RandomPattern.text(using: &random, highBytes: [0xC3, 0xE9]) : RandomPattern.asciiText(using: &random)
                let expected = original.firstMatch(in: text), outcome = rewrite.firstMatch(in: text)
                // Nested empty loops can exhaust the match limit; then nothing is known.
                if case .limitHit = expected { continue }
                if case .limitHit = outcome { continue }
                if expected.isMatch { matchingTexts += 1 }
                #expect(outcome.isMatch == expected.isMatch, "\(pattern) -> \(display) on \(text)")
            }
        }
        #expect(rewrittenCount > 500)
        #expect(matchingTexts > 2000)
    }
}
