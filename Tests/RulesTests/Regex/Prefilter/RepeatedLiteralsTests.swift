import Testing
@testable import Rules

/// `RequiredLiterals.repeated` and the prefilter's use of it: a regex like `(?:…name…){5}` is no
/// candidate for a line with fewer than five separate occurrences of its literals.
@Suite struct RepeatedLiteralsTests {
    private func repeated(_ pattern: String, _ options: RegexOptions = []) -> (literals: [String], count: Int)? {
        RequiredLiterals.repeated(in: Array(pattern.utf8), options: options).map { found in
            (found.literals.map { String(decoding: $0, as: UTF8.self) }, found.count)
        }
    }

    @Test func boundedRepetitionMultipliesTheCount() throws {
        let five = try #require(repeated("(?:\\s(?:name|city)\\W+){5}", .caseless))
        #expect(five.literals == ["city", "name"] && five.count == 5)
        #expect(try #require(repeated("(?:zip\\d+){2,}")).count == 2)
        #expect(try #require(repeated("(?:(?:abc\\d){2}x){3}")).count == 6)
    }

    @Test func sequencesOfTheSameSetAddUp() throws {
        let found = try #require(repeated("(?:foo\\d){2}(?:foo\\d){3}-(?:foo\\d){2}"))
        #expect(found.literals == ["foo"] && found.count == 7)
    }

    @Test func unknownOrOptionalRepetitionsSayNothing() throws {
        #expect(repeated("(?:name\\d)*") == nil)
        #expect(repeated("(?:name\\d)?x") == nil)
        #expect(repeated("(?:name\\d){1}") == nil)
        #expect(repeated("\\w+{3}") == nil)
        #expect(repeated("(?:\\d\\s){5}") == nil)
        // Alternatives needing different sets: neither holds for every match.
        #expect(repeated("(?:aaa\\d){3}|(?:bbb\\d){3}") == nil)
        #expect(try #require(repeated("(?:aaa\\d){3}|(?:aaa\\d){2}")).count == 2)
    }

    @Test func countsAreCapped() throws {
        #expect(try #require(repeated("(?:abc\\d){1000}")).count == RepeatedLiterals.maxCount)
    }

    /// Random texts of near-miss words: whenever the regex matches a line the prefilter must have
    /// kept it, and the count must actually remove some lines.
    @Test func neverDropsALineTheRegexMatches() throws {
        let patterns: [(String, RegexOptions)] = [
            ("(?:(?:your\\s)?(?:name|city|phone)[:\\s]+){3}", .caseless),
            ("(?:ab+c|abd){2}", []),
            ("(?:x(?:name|nam)y\\W?){2,4}", .caseless),
            ("(?:(?:aaa|aab)\\d){3}", []),
            // the first one's literals with another count: one shared count serves both
            ("(?:(?:name|city|phone)\\W+){5}", .caseless),
        ]
        let regexes = try patterns.map { try CompiledRegex($0.0, options: $0.1) }
        let prefilter = LiteralPrefilter(patterns: patterns.map { (Array($0.0.utf8), $0.1) })
        let words = ["name", "NAME", "nam", "city", "phone", "your ", ": ", " ", "abbc", "abd", "ab", "xnamey", "xnamy", "x", "y",
                     "aaa1", "aab2", "aaab3", "aa", "1", "\n"]
        var generator = SplitMix(seed: 11)
        var matched = 0, removed = 0
        for _ in 0..<3000 {
            var text: [UInt8] = []
            for _ in 0..<generator.next(below: 12) { text += Array(words[generator.next(below: words.count)].utf8) }
            let byLine = prefilter.candidatesByLine(in: [text])
            let plain = prefilter.candidates(in: [text])
            for (index, regex) in regexes.enumerated() {
                if regex.firstMatch(in: text).isMatch {
                    matched += 1
                    #expect(byLine.lines[0].contains(index), "dropped /\(regex.pattern)/ for \(String(decoding: text, as: UTF8.self).debugDescription)")
                } else if plain.contains(index), !byLine.lines[0].contains(index) {
                    removed += 1
                }
            }
            #expect(byLine.anyLine == byLine.lines[0])
        }
        #expect(matched > 100)
        #expect(removed > 300)
    }
}

@Suite struct ExtractWithRepeatedTests {
    @Test func oneReadingGivesWhatTheTwoCallsGive() {
        let patterns = ["(?:\\s(?:name|city)\\W+){5}", "cheap (?:pills|meds)", "(?:zip\\d+){2,}x", "a.b", "(unbalanced", "(?:foo\\d){2}bar"]
        for text in patterns {
            let pattern = Array(text.utf8)
            let both = RequiredLiterals.extractWithRepeated(from: pattern, options: .caseless)
            #expect(both.literals == RequiredLiterals.extract(from: pattern, options: .caseless), "\(text)")
            let repeated = RequiredLiterals.repeated(in: pattern, options: .caseless)
            #expect(both.repeated?.literals == repeated?.literals && both.repeated?.count == repeated?.count, "\(text)")
        }
    }
}
