import Testing
@testable import Rules

/// `StartPrefixes` keeps its paths sorted and each once, whatever order they were combined in.
@Suite struct StartPrefixesTests {
    private static func prefixes(_ pattern: String) throws -> StartPrefixes {
        var parser = PatternGateParser(pattern: Array(pattern.utf8), options: [], tracksPrefixes: true)
        return try #require(try parser.parseAll().prefixes)
    }

    @Test func alternativesInAnyOrderGiveTheSamePaths() throws {
        let forward = try Self.prefixes("(?:ab|cd|ef)x")
        #expect(forward.paths.count == 3)
        #expect(forward.paths == forward.paths.sorted())
        #expect(try Self.prefixes("(?:ef|ab|cd)x") == forward)
        #expect(try Self.prefixes("(?:cd|ef|ab|cd|ab)x") == forward)
    }

    @Test func repeatedPathsAreKeptOnce() throws {
        let single = try Self.prefixes("ab")
        #expect(try Self.prefixes("ab|ab|a(?:b)") == single)
        let shortened = try Self.prefixes("(?:a|b)(?:c|d)?e*")
        #expect(Set(shortened.paths).count == shortened.paths.count)
        #expect(shortened.paths == shortened.paths.sorted())
    }

    @Test func mergingTwoSortedListsKeepsEachPathOnceInOrder() {
        var random = SplitMix(seed: 13)
        func randomPaths() -> [StartPrefixes.Path] {
            let paths = (0..<random.next(below: 12)).map { _ in
                StartPrefixes.Path(first: ByteSet([UInt8(random.next(below: 4))]), second: ByteSet([UInt8(random.next(below: 2))]),
                                   count: 1 + random.next(below: 2), complete: random.next(below: 2) == 0)
            }
            return Array(Set(paths)).sorted()
        }
        for _ in 0..<300 {
            let first = randomPaths(), second = randomPaths()
            #expect(StartPrefixes.merged(first, second) == Array(Set(first + second)).sorted())
        }
    }
}
