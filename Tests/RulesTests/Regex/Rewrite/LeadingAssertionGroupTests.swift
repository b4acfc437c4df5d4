import Testing
@testable import Rules

/// A start guard put after a leading group of assertions must leave every match where it was.
@Suite struct LeadingAssertionGroupTests {
    private static let groups = ["(?:^|(?<=\\s))", "(?:\\b|(?<=[-_]))", "(^|(?<=\\s))", "(?:\\A|(?<=[\\s.,]))", "(?:(?<!a)|\\B)", "(?:^|\\s)"]

    @Test func guardAfterTheAssertionsMatchesWhereTheOriginalMatches() throws {
        var generator = SplitMix(seed: 53)
        let allOptions: [RegexOptions] = [[], .caseless, [.caseless, .multiline]]
        var moved = 0, compared = 0, matching = 0
        let lines = (0..<24).map { _ in Self.spaced(StartGuardTests.line(&generator)) }
        for _ in 0..<200 {
            let source = Self.groups[generator.next(below: Self.groups.count)] + StartGuardTests.formPattern(&generator)
            let options = allOptions[generator.next(below: allOptions.count)]
            guard let original = try? CompiledRegex(source, options: options),
                  let bytes = StartGuard.guarded(Array(source.utf8), options: options, onlyWhenWorthIt: false) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if !text.hasPrefix("(?=") { moved += 1 }
            let rewrite = try #require(try? CompiledRegex(bytes: bytes, options: options), "/\(source)/ -> \(text)")
            #expect(rewrite.captureCount == original.captureCount)
            for line in lines {
                let expected = original.matches(in: line)
                if !expected.ranges.isEmpty { matching += 1 }
                compared += 1
                #expect(rewrite.matches(in: line).ranges == expected.ranges, "/\(source)/ -> \(text) on \(String(decoding: line, as: UTF8.self))")
            }
        }
        #expect(moved > 50)
        #expect(matching > compared / 20)
    }

    /// A line with some bytes turned into blanks, so that word starts follow spaces.
    private static func spaced(_ line: [UInt8]) -> [UInt8] {
        line.enumerated().map { $0.offset % 5 == 4 ? UInt8(ascii: " ") : $0.element }
    }

    @Test func groupsOfAssertionsAreFound() {
        func length(_ pattern: String) -> Int? { LeadingAssertionGroup.length(in: Array(pattern.utf8)) }
        #expect(length("(?:^|(?<=\\s))name") == 13)
        #expect(length("(^|\\b|(?<=[)|]))name") == 16)
        #expect(length("(?:^|(?<=\\s))name|age") == nil)  // the rest is not one sequence
        #expect(length("(?:^|\\s)name") == nil)  // `\s` consumes a byte
        #expect(length("(?:^|(?<=\\s))?name") == nil)
        #expect(length("(?:^|(?<=\\s))") == nil)
        #expect(length("(?:^|(?<=\\Q)\\E))name") == nil)
        #expect(length("(?:(?=a)b|^)name") == nil)
        #expect(length("(?:^|(?<=[[:space:]]))(?#|)name") == 22)
    }
}
