import Testing
@testable import Rules

/// `LiteralMatcher.hasDisjointOccurrences` against a brute-force count of non-overlapping
/// occurrences, including case folding, bytes above 0x7F and a 20 MB one-line text.
@Suite struct LiteralMatcherCountTests {
    private static func lower(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    /// The most non-overlapping occurrences: earliest-ending first, by dynamic programming.
    private static func bruteForceMaximum(_ literals: [[UInt8]], in text: [UInt8]) -> Int {
        let haystack = lower(text)
        var best = [Int](repeating: 0, count: haystack.count + 1)
        if haystack.isEmpty { return 0 }
        for end in 1...haystack.count {
            best[end] = best[end - 1]
            for literal in literals.map(lower) where literal.count <= end && Array(haystack[(end - literal.count)..<end]) == literal {
                best[end] = max(best[end], best[end - literal.count] + 1)
            }
        }
        return best[haystack.count]
    }

    private func counts(_ matcher: LiteralMatcher, _ text: [UInt8], upTo limit: Int) -> Int {
        text.withUnsafeBufferPointer { buffer in (0...limit).last { matcher.hasDisjointOccurrences($0, in: buffer) } ?? 0 }
    }

    @Test func agreesWithBruteForceOnRandomTexts() {
        var generator = SplitMix(seed: 5)
        let alphabet: [UInt8] = Array("abAB".utf8) + [0xC3, 0xA9]
        for _ in 0..<400 {
            let literals = (0..<(1 + generator.next(below: 4))).map { _ in
                (0..<(1 + generator.next(below: 3))).map { _ in alphabet[generator.next(below: alphabet.count)] }
            }
            let matcher = LiteralMatcher(literals: literals.map { ($0, 0) }, targetCount: 1)
            let text = (0..<generator.next(below: 30)).map { _ in alphabet[generator.next(below: alphabet.count)] }
            let expected = Self.bruteForceMaximum(literals, in: text)
            #expect(counts(matcher, text, upTo: 40) == expected, "\(literals) in \(text)")
        }
    }

    @Test func countingStopsAtTheLimit() {
        var generator = SplitMix(seed: 9)
        let alphabet: [UInt8] = Array("abAB ".utf8) + [0xC3]
        for _ in 0..<200 {
            let literals = (0..<(1 + generator.next(below: 3))).map { _ in
                (0..<(1 + generator.next(below: 3))).map { _ in alphabet[generator.next(below: 4)] }
            }
            let matcher = LiteralMatcher(literals: literals.map { ($0, 0) }, targetCount: 1)
            let text = (0..<generator.next(below: 40)).map { _ in alphabet[generator.next(below: alphabet.count)] }
            let expected = Self.bruteForceMaximum(literals, in: text)
            for limit in [1, 2, 5] {
                #expect(text.withUnsafeBufferPointer { matcher.disjointOccurrences(atMost: limit, in: $0) } == min(expected, limit))
            }
        }
    }

    @Test func overlappingOccurrencesCountOnce() {
        let matcher = LiteralMatcher(literals: [(Array("aba".utf8), 0)], targetCount: 1)
        #expect(counts(matcher, Array("ABABA".utf8), upTo: 5) == 1)
        #expect(counts(matcher, Array("abaaba".utf8), upTo: 5) == 2)
        let nested = LiteralMatcher(literals: [(Array("name".utf8), 0), (Array("am".utf8), 0)], targetCount: 1)
        #expect(counts(nested, Array("Name NAME".utf8), upTo: 5) == 2)
    }

    @Test func twentyMegabyteLineIsCountedInOnePass() {
        let matcher = LiteralMatcher(literals: [(Array("needle".utf8), 0)], targetCount: 1)
        var text = [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
        for offset in stride(from: 1000, to: text.count - 10, by: 5 << 20) { text.replaceSubrange(offset..<(offset + 6), with: Array("NeEdLe".utf8)) }
        text.withUnsafeBufferPointer { buffer in
            #expect(matcher.hasDisjointOccurrences(4, in: buffer))
            #expect(!matcher.hasDisjointOccurrences(5, in: buffer))
        }
    }
}
