import Testing
@testable import Rules

@Suite struct LiteralPrefilterTests {
    static let handWritten: [(String, RegexOptions)] = [
        ("viagra|cialis", .caseless), ("colou?r", []), ("\\bfree\\s+money\\b", .caseless), ("v[i1!]agra", .caseless),
        ("(?:click|tap) here", .caseless), ("abc(?:def)?ghi", []), ("\\$\\d+(?:,\\d{3})*\\.00", []),
        ("(?i:WINNER)!+", []), ("unsub(?:scribe)?", .caseless), ("x+yz{2}y", []), ("(?!bad)good deal", .caseless),
        ("\\Qa+b\\E=c", []), ("l o t t e r y # spaced\n", .extended), ("\\x66\\x72\\x65\\x65", []),
        ("^subject", .multiline), ("dear (?:friend|sir|madam)", .caseless), ("[Aa][Bb][Cc]", []),
    ]

    /// Texts made of fragments of the patterns' own words with random case and noise, so that
    /// many of them do match.
    static func texts(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix(seed: seed)
        let fragments = ["viagra", "V1AGRA", "v!agra", "colour", "color", "free money", "Free   Money", "click here", "tap here",
                         "abcghi", "abcdefghi", "$1,000.00", "$5.00", "winner!!", "WINNER!", "unsub", "Unsubscribe",
                         "xxyzzy", "xyzzy", "good deal", "bad good deal", "a+b=c", "lottery", "free", "subject", "\nSubject",
                         "dear friend", "Dear Madam", "aBc", "ab", "c", " ", "\n", "e", "!", "1"]
        return (0..<count).map { _ in
            var text: [UInt8] = []
            for _ in 0..<generator.next(below: 8) {
                var piece = Array(fragments[generator.next(below: fragments.count)].utf8)
                if generator.next(below: 3) == 0 { piece = piece.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 } }
                if generator.next(below: 5) == 0, !piece.isEmpty { piece.remove(at: generator.next(below: piece.count)) }
                text += piece
            }
            return text
        }
    }

    @Test func neverDropsAHandWrittenRegexThatMatches() throws {
        let regexes = try Self.handWritten.map { try CompiledRegex($0.0, options: $0.1) }
        let prefilter = LiteralPrefilter(patterns: Self.handWritten.map { (Array($0.0.utf8), $0.1) })
        #expect(prefilter.prefilteredCount >= 12)
        var matched = 0
        for text in Self.texts(count: 3000, seed: 1) {
            let candidates = prefilter.candidates(in: [text])
            for (index, regex) in regexes.enumerated() where regex.firstMatch(in: text).isMatch {
                matched += 1
                #expect(candidates.contains(index), "dropped /\(regex.pattern)/ for \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
        }
        #expect(matched > 1000)
    }

    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func neverDropsAStockRuleThatMatches() throws {
        let rules = RuleLoader().load(path: StockRules.directory).rules(of: .body).compactMap(\.test.pattern)
        var compiled: [(CompiledRegex, [UInt8], RegexOptions)] = []
        for pattern in rules {
            let options = RegexOptions(rawValue: pattern.options.rawValue)
            if let regex = try? CompiledRegex(bytes: pattern.source, options: options) { compiled.append((regex, pattern.source, options)) }
        }
        #expect(compiled.count == rules.count)
        let prefilter = LiteralPrefilter(patterns: compiled.map { ($0.1, $0.2) })
        // Texts built from the rules' own literals, cut and recased, so the rules get exercised.
        var generator = SplitMix(seed: 3)
        let pieces = prefilter.literals.compactMap { $0?.first }
        var matched = 0
        for _ in 0..<200 {
            var text: [UInt8] = []
            for _ in 0..<(1 + generator.next(below: 6)) {
                var piece = pieces[generator.next(below: pieces.count)]
                if generator.next(below: 2) == 0 { piece = piece.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 } }
                if generator.next(below: 4) == 0, piece.count > 1 { piece.removeLast() }
                text += piece + [UInt8(ascii: " ")]
            }
            let candidates = prefilter.candidates(in: [text])
            for (index, entry) in compiled.enumerated() where !candidates.contains(index) && entry.0.firstMatch(in: text).isMatch {
                Issue.record("dropped /\(entry.0.pattern)/ for \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
            matched += compiled.indices.filter { candidates.contains($0) }.count
        }
        #expect(matched > 0)
    }

    @Test func eightBitLookAlikesLeaveASCIILiterals() throws {
        // A "fuzzy" spelling: each letter or one of its 8-bit look-alikes.
        let pattern = "(?:^|\\s)(?:[vV\\xb5]|[\\xc3][\\xbc])(?:[iI1!\\xec]|[\\xc3][\\xac])(?:[aA@\\xe0]|[\\xc3][\\xa0])(?:[gG]|[\\xc4][\\x9f])ra"
        let ascii = try #require(RequiredLiterals.extract(from: Array(pattern.utf8), options: .caseless, asciiText: true))
        #expect(ascii.contains(Array("viagra".utf8)) && ascii.contains(Array("v1@gra".utf8)))
        let regex = try CompiledRegex(pattern, options: .caseless)
        let prefilter = LiteralPrefilter(regexes: [regex])
        #expect(prefilter.prefilteredCount == 1)
        #expect(!prefilter.candidates(in: [Array("buy cheap pills".utf8)]).contains(0))
        #expect(prefilter.candidates(in: [Array("buy VIAGRA now".utf8)]).contains(0))
        // 8-bit text may spell it with look-alikes: the regex runs.
        let eightBit: [UInt8] = Array("buy ".utf8) + [0xC3, 0xBC] + Array("i".utf8) + [0xC3, 0xA0] + Array("gra".utf8)
        #expect(regex.firstMatch(in: eightBit).isMatch)
        #expect(prefilter.candidates(in: [eightBit]).contains(0))
        #expect(prefilter.lineCandidates(in: [Array("plain".utf8), eightBit]).map { $0.contains(0) } == [false, true])
    }

    @Test func entitySpellingsLeavePlainTextLiterals() throws {
        // Look-alike letters written as HTML entities, and a class of seven plain look-alikes.
        let pattern = "(?:^|\\s)(?:[yY\\xfd]|&#(?:221|253);)(?:[oO0]|&#(?:210|211);)(?:[uU]|&#250;)[iIl|!1?]"
        let regex = try CompiledRegex(pattern, options: .caseless)
        let prefilter = LiteralPrefilter(regexes: [regex])
        #expect(prefilter.prefilteredCount == 1)
        #expect(!prefilter.candidates(in: [Array("nothing here".utf8)]).contains(0))
        #expect(prefilter.candidates(in: [Array("y0u| see".utf8)]).contains(0))
        let entity = Array(" &#221;ou! there".utf8)
        #expect(regex.firstMatch(in: entity).isMatch)
        #expect(prefilter.lineCandidates(in: [Array("plain".utf8), entity]).map { $0.contains(0) } == [false, true])
    }

    @Test func nonPlainBytesAreFoundAnywhere() {
        for length in [0, 1, 7, 8, 9, 16, 17, 64] {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(!plain.withUnsafeBufferPointer { LiteralPrefilter.hasNonPlainByte($0) })
            for position in 0..<length {
                for byte: UInt8 in [UInt8(ascii: "&"), 0x80, 0xFF] {
                    var text = plain
                    text[position] = byte
                    #expect(text.withUnsafeBufferPointer { LiteralPrefilter.hasNonPlainByte($0) }, "\(byte) at \(position) of \(length)")
                }
            }
        }
        // Bytes next to "&" in value (0x25, 0x27) and every other plain byte are plain.
        let others = (0..<0x80).map { UInt8($0) }.filter { $0 != UInt8(ascii: "&") }
        #expect(!others.withUnsafeBufferPointer { LiteralPrefilter.hasNonPlainByte($0) })
        var huge = [UInt8](repeating: UInt8(ascii: "%"), count: 20 << 20)
        #expect(!huge.withUnsafeBufferPointer { LiteralPrefilter.hasNonPlainByte($0) })
        huge[huge.count - 1] = UInt8(ascii: "&")
        #expect(huge.withUnsafeBufferPointer { LiteralPrefilter.hasNonPlainByte($0) })
    }
}
