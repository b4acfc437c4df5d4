import Testing
@testable import Rules

@Suite struct LiteralMatcherTests {
    private func scan(_ matcher: LiteralMatcher, _ text: String) -> [Int] {
        var found = TargetSet(capacity: matcher.targetCount)
        var seen = matcher.makeSeenSet()
        Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
        return found.members
    }

    @Test func findsOverlappingLiteralsIgnoringCase() {
        let matcher = LiteralMatcher(literals: [(Array("he".utf8), 0), (Array("she".utf8), 1), (Array("his".utf8), 2), (Array("hers".utf8), 3)], targetCount: 4)
        #expect(scan(matcher, "USHERS") == [0, 1, 3])
        #expect(scan(matcher, "this") == [2])
        #expect(scan(matcher, "nothing") == [])
    }

    @Test func agreesWithNaiveSearch() {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("abAB ".utf8)
        for _ in 0..<200 {
            let literals = (0..<8).map { _ in (0..<generator.next(below: 4) + 1).map { _ in alphabet[generator.next(below: alphabet.count)] } }
            let matcher = LiteralMatcher(literals: literals.enumerated().map { ($0.element, $0.offset) }, targetCount: literals.count)
            let text = (0..<generator.next(below: 40)).map { _ in alphabet[generator.next(below: alphabet.count)] }
            let lower = { (bytes: [UInt8]) in bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
            let lowered = lower(text)
            let expected = literals.indices.filter { index in
                let needle = lower(literals[index])
                return lowered.count >= needle.count && (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<($0 + needle.count)]) == needle }
            }
            var found = TargetSet(capacity: literals.count)
            var seen = matcher.makeSeenSet()
            text.withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
            #expect(found.members == expected)
        }
    }

    /// Texts mostly of bytes no literal starts with, which the scan passes over from the start
    /// state: literals at the very start and end, next to skipped bytes, must still be found,
    /// with and without bytes the matcher skips over.
    @Test func passingOverStartBytesLosesNoLiteral() {
        var generator = SplitMix(seed: 19)
        let alphabet = Array("abAB xyz.-\n".utf8) + [0xE9, 0x00]
        for round in 0..<300 {
            let literals = (0..<6).map { _ in (0..<generator.next(below: 3) + 1).map { _ in Array("abAB".utf8)[generator.next(below: 4)] } }
            let skipsDots = round % 2 == 1
            let matcher = LiteralMatcher(literals: literals.enumerated().map { ($0.element, $0.offset) }, targetCount: literals.count,
                                         skipping: skipsDots ? { $0 == UInt8(ascii: ".") } : nil)
            let text = (0..<generator.next(below: 60)).map { _ in alphabet[generator.next(below: alphabet.count)] }
            let lower = { (bytes: [UInt8]) in bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
            let lowered = lower(text).filter { !skipsDots || $0 != UInt8(ascii: ".") }
            let expected = literals.indices.filter { index in
                let needle = lower(literals[index])
                return lowered.count >= needle.count && (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<($0 + needle.count)]) == needle }
            }
            var found = TargetSet(capacity: literals.count)
            var seen = matcher.makeSeenSet()
            text.withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
            #expect(found.members == expected, "\(literals) in \(text)")
        }
    }

    @Test func emptyMatcherFindsNothing() {
        let matcher = LiteralMatcher(literals: [], targetCount: 3)
        #expect(scan(matcher, "anything") == [])
    }
}
