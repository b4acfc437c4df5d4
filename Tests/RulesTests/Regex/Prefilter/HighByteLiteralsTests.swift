import Testing
@testable import Rules

/// Lines that are not plain text (an `&`, or bytes above 0x7F) but hold only
/// `LiteralPrefilter.commonHighBytes`: a regex whose literals hold only for plain text runs there
/// only when its literals for such lines occur.
@Suite struct HighByteLiteralsTests {
    /// "viagra" spelled with look-alikes: 8-bit ones (ü, ì, à, ğ), plain ones and entities.
    static let fuzzy = "(?:^|\\s)(?:[vV\\xb5]|[\\xc3][\\xbc])(?:[iI1!\\xec]|[\\xc3][\\xac]|&#237;)(?:[aA@\\xe0]|[\\xc3][\\xa0])(?:[gG]|[\\xc4][\\x9f])ra"

    @Test func commonHighBytesNoLongerRunEveryPlainTextRule() throws {
        let pattern = Array(Self.fuzzy.utf8)
        let regex = try CompiledRegex(Self.fuzzy, options: .caseless)
        let highByte = try #require(RequiredLiterals.extract(from: pattern, options: .caseless, highBytes: LiteralPrefilter.commonHighBytes))
        #expect(highByte.contains(Array("v&#237;agra".utf8)) && highByte.contains(Array("viagra".utf8)))
        let prefilter = LiteralPrefilter(regexes: [regex], lineFormulas: true)
        let quote: [UInt8] = [0xE2, 0x80, 0x99]
        let lines: [[UInt8]] = [
            Array("it".utf8) + quote + Array("s cheap & good".utf8),  // common high bytes and an &, no literal
            Array("a v".utf8) + quote + Array("ia thing".utf8),       // no match either
            quote + Array(" v&#237;agra".utf8),                       // an entity spelling, with a quote
            Array("buy ".utf8) + [0xC3, 0xBC] + Array("iagra".utf8),  // an uncommon 8-bit look-alike
            [0xC2, 0xA0] + Array(" V1@GRA".utf8),                     // no-break space, then plain look-alikes
        ]
        let matches = lines.map { regex.firstMatch(in: $0).isMatch }
        #expect(matches == [false, false, true, true, true])
        let candidates = prefilter.lineCandidates(in: lines).map { $0.contains(0) }
        #expect(candidates[0] == false && candidates[1] == false)
        for (line, matched) in matches.enumerated() where matched { #expect(candidates[line], "line \(line)") }
    }

    @Test func neverDropsAHandWrittenLineThatMatches() throws {
        let patterns: [(String, RegexOptions)] = [
            (Self.fuzzy, .caseless), ("(?:[oO0]|\\xc2\\xb0)ff(?:[eE3]|&#233;)r", .caseless), ("pr[i1!\\xa1]ce", []),
            ("\\bfr(?:e|\\xe2\\x80\\x99)e\\b", .caseless), ("[\\xa0-\\xa9]money", []), ("cash(?:\\xc2\\xa0|\\s)now", .caseless),
        ]
        let regexes = try patterns.map { try CompiledRegex($0.0, options: $0.1) }
        let prefilter = LiteralPrefilter(patterns: patterns.map { (Array($0.0.utf8), $0.1) }, lineFormulas: true)
        let pieces: [[UInt8]] = ["viagra", "V1@GRA", "v&#237;agra", "off3r", "0ffer", "off&#233;r", "price", "pr!ce", "free", "money",
                                 "cash now", "cash", "now", " ", "&", "a", "&#237;", "&#233;"].map { Array($0.utf8) }
            + [[0xC2, 0xA0], [0xE2, 0x80, 0x99], [0xC2, 0xB0], [0xA1], [0xA9], [0xC3, 0xBC], [0xC3, 0xAC], [0xE2, 0x80, 0x99, 0x65]]
        var generator = SplitMix(seed: 11)
        var lines: [[UInt8]] = []
        for _ in 0..<300 {
            var line: [UInt8] = []
            for _ in 0..<(1 + generator.next(below: 6)) { line += pieces[generator.next(below: pieces.count)] }
            lines.append(line)
        }
        let candidates = prefilter.lineCandidates(in: lines)
        var matched = 0, skipped = 0
        for (line, text) in lines.enumerated() {
            for (index, regex) in regexes.enumerated() {
                if regex.firstMatch(in: text).isMatch {
                    matched += 1
                    #expect(candidates[line].contains(index), "dropped /\(patterns[index].0)/ for \(text)")
                } else if !candidates[line].contains(index) {
                    skipped += 1
                }
            }
        }
        #expect(matched > 50)
        #expect(skipped > 300)
    }
}
