import Testing
@testable import Rules

/// Literals in the letters and digits of a match (`AlphanumericProjection`), for the
/// obfuscation-tolerant rules that have none in the text itself.
@Suite struct AlphanumericLiteralsTests {
    private func projected(_ pattern: String, _ options: RegexOptions = .caseless, asciiText: Bool = false) -> [String]? {
        RequiredLiterals.extract(from: Array(pattern.utf8), options: options, asciiText: asciiText, alphanumeric: true)?
            .map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func gapsBetweenLettersVanish() {
        #expect(RequiredLiterals.extract(from: "v[_\\W]{0,3}i[_\\W]{0,3}a[_\\W]{0,3}g[_\\W]{0,3}r[_\\W]{0,3}a") == nil)
        #expect(projected("\\bv[_\\W]{0,3}i[_\\W]{0,3}a[_\\W]{0,3}g[_\\W]{0,3}r[_\\W]{0,3}a\\b") == ["viagra"])
        #expect(projected("p[-\\s_]?a[-\\s_]?s\\W{0,10}s(?:\\s|$)") == ["pass"])
    }

    @Test func lookAlikeClassesGiveEverySpelling() {
        // "!" and "|" leave nothing in the projection, so the letter may be missing there.
        #expect(projected("x[a4@]n[i1!|]x") == ["x4n1x", "x4nix", "x4nx", "xan1x", "xanix", "xanx", "xn1x", "xnix", "xnx"])
        #expect(projected("x[a4@]n[i1!|]x")?.contains("xnx") == true)
        #expect(projected("x[a4]n[i1]x")?.contains("xnx") == false)
    }

    @Test func classesThatMayMatchManyLettersAreOpaque() {
        #expect(projected("abc[^a-z]def") == ["abc"] || projected("abc[^a-z]def") == ["def"])
        #expect(projected("ab[^x]de") == nil)
        #expect(projected("ab\\w+de") == nil)
        #expect(projected("ab.cd") == nil)
        // A negated class of punctuation still matches letters.
        #expect(projected("ab[^!]de") == nil)
        // POSIX punctuation and space classes hold no letters.
        #expect(projected("ab[[:punct:][:space:]]{1,4}cd") == ["abcd"])
        #expect(projected("ab[[:alpha:]]cd") == nil)
    }

    @Test func eightBitLookAlikesNeedPlainText() {
        let pattern = "(?:[cC]|[\\xc3][\\x87])(?:[aA@]|[\\xc3][\\xa0])\\W?(?:[sS]|[\\xc5][\\xa1])\\W?[hH]"
        // On any text a look-alike may stand for each letter: it leaves nothing in the projection.
        #expect(projected(pattern) == nil)
        #expect(projected(pattern, asciiText: true)?.contains("cash") == true)
    }

    @Test func aMatcherSkippingOtherBytesScansTheProjection() {
        let matcher = LiteralMatcher(literals: [(Array("viagra".utf8), 0), (Array("cash".utf8), 1)], targetCount: 2,
                                     skipping: { !AlphanumericProjection.keeps($0) })
        func found(_ text: String) -> [Int] {
            var found = TargetSet(capacity: 2), seen = matcher.makeSeenSet()
            Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
            return found.members
        }
        #expect(found("buy V-i_a.g r@a now") == [0])
        #expect(found("c\u{e9}ash") == [1])
        #expect(found("c a s h and viagr") == [1])
        #expect(found("ca1sh vi agr") == [])
    }

    /// A rule the projection literals wrongly required would be dropped for these texts.
    @Test func obfuscatedSpellingsStillReachTheirRule() throws {
        let patterns = [
            "(?:\\b|\\s)[_\\W]{0,3}(?:\\\\\\/|V)[_\\W]{0,3}[i1!|l\\xEC-\\xEF][_\\W]{0,3}[a40\\xE0-\\xE6@][_\\W]{0,3}g[_\\W]{0,3}r[_\\W]{0,3}[a40\\xE0-\\xE6@]",
            "\\bp[-\\s_]?a[-\\s_]?s[-\\s_]?s[-\\s_]?w[-\\s_]?o[-\\s_]?r[-\\s_]?d\\b",
            "(?:[cC]|[\\xc3][\\x87])(?:[aA@]|[\\xc3][\\xa0])\\W?(?:[sS]|[\\xc5][\\xa1])\\W?[hH]",
        ]
        let regexes = try patterns.map { try CompiledRegex($0, options: .caseless) }
        let prefilter = LiteralPrefilter(regexes: regexes)
        #expect(prefilter.prefilteredCount == 3)
        let texts = ["V_1_a_g_r_a", "\\/|@gr@", "v !a.gra", "pass-word", "p a s s w o r d", "C@$h", "c\u{c3}\u{a0}sh",
                     "\u{c3}\u{87}a s h", "vi\u{ec}gra", "cash"]
        var reached = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let candidates = prefilter.lineCandidates(in: [bytes])[0]
            for (index, regex) in regexes.enumerated() where regex.firstMatch(in: bytes).isMatch {
                reached += 1
                #expect(candidates.contains(index), "dropped /\(regex.pattern)/ for \(text.debugDescription)")
            }
        }
        #expect(reached >= 5)
        #expect(prefilter.lineCandidates(in: [Array("plain words only".utf8)])[0].count == 0)
    }

    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func neverDropsAStockRuleOnNoisySpellings() throws {
        let rules = RuleLoader().load(path: StockRules.directory).rules(of: .body).compactMap(\.test.pattern)
        var compiled: [(CompiledRegex, [UInt8], RegexOptions)] = []
        for pattern in rules {
            let options = RegexOptions(rawValue: pattern.options.rawValue)
            if let regex = try? CompiledRegex(bytes: pattern.source, options: options) { compiled.append((regex, pattern.source, options)) }
        }
        let prefilter = LiteralPrefilter(patterns: compiled.map { ($0.1, $0.2) })
        let spellings = prefilter.alphanumericLiterals.compactMap { $0?.literals }.flatMap { $0 }
        #expect(spellings.count > 50)
        let noise: [[UInt8]] = [[0x20], [0x5F], [0x2E], [0x21], [0x7C], [0x40], [0x2D, 0x20], [0xE9], [0xC3, 0xA0], [0x26]]
        var generator = SplitMix(seed: 11)
        var matched = 0
        for _ in 0..<300 {
            var text: [UInt8] = [0x20]
            for _ in 0..<(1 + generator.next(below: 3)) {
                for byte in spellings[generator.next(below: spellings.count)] {
                    text.append(generator.next(below: 2) == 0 && byte >= 0x61 ? byte - 0x20 : byte)
                    if generator.next(below: 3) == 0 { text += noise[generator.next(below: noise.count)] }
                }
                text.append(0x20)
            }
            let candidates = prefilter.lineCandidates(in: [text])[0]
            for (index, entry) in compiled.enumerated() where entry.0.firstMatch(in: text).isMatch {
                matched += 1
                if !candidates.contains(index) {
                    Issue.record("dropped /\(entry.0.pattern.prefix(120))/ for \(String(decoding: text, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(matched > 0)
    }
}
