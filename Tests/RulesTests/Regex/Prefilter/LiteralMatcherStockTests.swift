import Testing
@testable import Rules

/// `LiteralMatcher` over the stock body rules' literals (thousands of states, many byte columns)
/// and over more literals than two-byte transitions can number, against a naive substring search
/// on texts built from pieces of those literals, truncated literals and noise.
@Suite struct LiteralMatcherStockTests {
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The targets with a literal occurring in `text`, ASCII case ignored.
    private static func naiveTargets(_ literals: [(bytes: [UInt8], target: Int)], in text: [UInt8]) -> [Int] {
        let haystack = text.map(lower)
        var found = Set<Int>()
        for (bytes, target) in literals where !found.contains(target) && !bytes.isEmpty && bytes.count <= haystack.count {
            let needle = bytes.map(lower)
            for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                var index = 1
                while index < needle.count && haystack[start + index] == needle[index] { index += 1 }
                if index == needle.count {
                    found.insert(target)
                    break
                }
            }
        }
        return found.sorted()
    }

    /// A text of whole and truncated literals (case flipped at random) among letters, spaces,
    /// punctuation and bytes above 0x7F.
    private static func text(from literals: [[UInt8]], _ generator: inout SplitMix) -> [UInt8] {
        let noise = Array("abcdefghijklmnopqrstuvwxyz .,-:/<>\"'".utf8) + [0xC2, 0xA0, 0xE9, 0x00, 0x0A]
        var text: [UInt8] = []
        for _ in 0..<(1 + generator.next(below: 6)) {
            let literal = literals[generator.next(below: literals.count)]
            let length = generator.next(below: 3) == 0 ? generator.next(below: literal.count + 1) : literal.count
            for byte in literal.prefix(length) {
                text.append(generator.next(below: 2) == 0 && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            }
            for _ in 0..<generator.next(below: 12) { text.append(noise[generator.next(below: noise.count)]) }
        }
        return text
    }

    private static func scan(_ matcher: LiteralMatcher, _ text: [UInt8]) -> [Int] {
        var found = TargetSet(capacity: matcher.targetCount)
        var seen = matcher.makeSeenSet()
        text.withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
        return found.members
    }

    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func stockBodyLiteralsAgreeWithNaiveSearch() {
        let patterns = RuleLoader().load(path: StockRules.directory).rules(of: .body).compactMap(\.test.pattern)
        let prefilter = LiteralPrefilter(patterns: patterns.map { ($0.source, RegexOptions(rawValue: $0.options.rawValue)) })
        var entries: [(bytes: [UInt8], target: Int)] = []
        for index in prefilter.literals.indices {
            for literal in prefilter.literals[index] ?? prefilter.asciiLiterals[index] ?? [] { entries.append((literal, index)) }
        }
        let matcher = LiteralMatcher(literals: entries, targetCount: prefilter.regexCount)
        #expect(matcher.stateCount > 5000)
        var generator = SplitMix(seed: 23)
        var reported = 0
        for _ in 0..<150 {
            let text = Self.text(from: entries.map(\.bytes), &generator)
            let expected = Self.naiveTargets(entries, in: text)
            reported += expected.count
            #expect(Self.scan(matcher, text) == expected, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
        #expect(reported > 150)
    }

    /// The alphanumeric literals, with the bytes the projection deletes passed over.
    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func stockAlphanumericLiteralsAgreeWithNaiveSearchOfTheProjection() {
        let patterns = RuleLoader().load(path: StockRules.directory).rules(of: .body).compactMap(\.test.pattern)
        let prefilter = LiteralPrefilter(patterns: patterns.map { ($0.source, RegexOptions(rawValue: $0.options.rawValue)) })
        var entries: [(bytes: [UInt8], target: Int)] = []
        for (index, found) in prefilter.alphanumericLiterals.enumerated() {
            for literal in found?.literals ?? [] { entries.append((literal, index)) }
        }
        #expect(entries.count > 50)
        let matcher = LiteralMatcher(literals: entries, targetCount: prefilter.regexCount, skipping: { !AlphanumericProjection.keeps($0) })
        var generator = SplitMix(seed: 29)
        for _ in 0..<150 {
            let text = Self.text(from: entries.map(\.bytes), &generator)
            let expected = Self.naiveTargets(entries, in: text.filter(AlphanumericProjection.keeps))
            #expect(Self.scan(matcher, text) == expected, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }

    /// More states than two-byte transitions number: the matcher falls back to four-byte ones.
    @Test func largeAutomatonAgreesWithNaiveSearch() {
        var generator = SplitMix(seed: 31)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let literals: [(bytes: [UInt8], target: Int)] = (0..<3500).map { index in
            ((0..<(8 + generator.next(below: 8))).map { _ in alphabet[generator.next(below: alphabet.count)] }, index % 300)
        }
        let matcher = LiteralMatcher(literals: literals, targetCount: 300)
        #expect(matcher.stateCount > 32768)
        for _ in 0..<40 {
            let text = Self.text(from: literals.map(\.bytes), &generator)
            #expect(Self.scan(matcher, text) == Self.naiveTargets(literals, in: text))
        }
    }
}
