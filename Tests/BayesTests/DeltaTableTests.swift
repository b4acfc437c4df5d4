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

    /// Rows come in signed hash order whether the hashes spread over the whole table (both
    /// signs), crowd the last slots (probing wraps around to the first ones), or crowd one slot
    /// in the middle (too displaced to put back one by one); hash 0 included.
    @Test(arguments: [("spread", 0, 40_000), ("crowding the end", 1, 600), ("crowding the middle", 2, 600)])
    func rowsComeInSignedHashOrder(name: String, kind: Int, count: Int) {
        var table = DeltaTable(expected: 0)
        var hashes: [UInt64] = [0]
        var state: UInt64 = 99
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mixed = state ^ (state >> 31)
            hashes.append(kind == 0 ? mixed : kind == 1 ? 0x7FFF_0000_0000_0000 | (mixed >> 20) : mixed >> 40)
        }
        for start in stride(from: 0, to: hashes.count, by: 100) {
            table.add(Array(hashes[start..<min(start + 100, hashes.count)]), spam: 1, ham: 0)
        }
        let signed = table.sorted().rows.map(\.signedHash)
        #expect(signed == Set(hashes).map { Int64(bitPattern: $0) }.sorted(), "\(name)")
    }

    static func dictionary(_ deltas: SortedTokenDeltas) -> [UInt64: TokenDelta] {
        Dictionary(uniqueKeysWithValues: deltas.rows.map { ($0.hash, $0.delta) })
    }

    /// Security: tokens crafted offline so that their (stable) hashes share a home slot. Each
    /// probe run stops at `maxProbes`; the rest go to the overflow dictionary, and the sums and
    /// their order stay exact.
    @Test func tokensCraftedToShareAHomeSlotOverflowInsteadOfProbingOnAndOn() {
        let crafted = (1...5_000).map { (UInt64(0x5A5A) << 48) | UInt64($0) }
        var table = DeltaTable(expected: crafted.count)
        table.add(crafted, spam: 1, ham: 0)
        table.add(Array(crafted.prefix(100)), spam: 0, ham: 2)
        #expect(table.overflow.count >= crafted.count - DeltaTable.maxProbes - 1)
        var expected: [UInt64: TokenDelta] = [:]
        for (index, hash) in crafted.enumerated() { expected[hash] = TokenDelta(spam: 1, ham: index < 100 ? 2 : 0) }
        let sorted = table.sorted()
        #expect(Self.dictionary(sorted) == expected)
        #expect(sorted.rows.map(\.signedHash) == sorted.rows.map(\.signedHash).sorted())
    }
}
