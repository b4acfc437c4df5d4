import Testing
@testable import Bayes

@Suite struct DeltaTableTests {
    @Test func sumsEveryHashLikeADictionaryAcrossGrowth() {
        // Starts far too small, so it grows several times; includes hash 0 and colliding low bits.
        var table = DeltaTable(expected: 1)
        var expected: [UInt64: TokenDelta] = [:]
        var state: UInt64 = 12_345
        for message in 0..<300 {
            var hashes: Set<UInt64> = [0, 1 << 40, 2 << 40]
            for _ in 0..<50 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                hashes.insert(state % 5_000)
            }
            let spam = message % 3 == 0 ? 1 : 0, ham = message % 3 == 1 ? 1 : message % 3 == 2 ? -1 : 0
            table.add(Array(hashes), spam: spam, ham: ham)
            for hash in hashes {
                expected[hash, default: TokenDelta()].spam += spam
                expected[hash, default: TokenDelta()].ham += ham
            }
        }
        #expect(Self.dictionary(table.sorted()) == expected.filter { !$0.value.isZero })
    }

    @Test func emptyTableGivesNoDeltas() {
        #expect(DeltaTable(expected: 0).sorted().isEmpty)
    }

    @Test func sumsThatCancelAreLeftOut() {
        var table = DeltaTable(expected: 4)
        table.add([0, 7, 9], spam: 1, ham: 0)
        table.add([0, 7], spam: -1, ham: 0)
        #expect(table.sorted().rows == [SortedTokenDeltas.Row(hash: 9, delta: TokenDelta(spam: 1))])
    }

    static func dictionary(_ deltas: SortedTokenDeltas) -> [UInt64: TokenDelta] {
        Dictionary(uniqueKeysWithValues: deltas.rows.map { ($0.hash, $0.delta) })
    }
}
