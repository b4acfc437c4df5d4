import Testing
@testable import Bayes

@Suite struct SortedTokenDeltasTests {
    /// A reproducible spread of hashes, both halves of the signed range included.
    static func hashes(_ count: Int) -> [UInt64] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test(arguments: [0, 1, 5, 63, 64, 1000, 70_000])
    func rowsComeInSignedHashOrderWithTheirDeltas(count: Int) {
        var deltas: [UInt64: TokenDelta] = [:]
        for (index, hash) in Self.hashes(count).enumerated() {
            deltas[hash] = TokenDelta(spam: index % 3 - 1, ham: index % 5)
        }
        let rows = SortedTokenDeltas(deltas).rows
        let expected = deltas.filter { !$0.value.isZero }.sorted { Int64(bitPattern: $0.key) < Int64(bitPattern: $1.key) }
        #expect(rows.count == expected.count)
        #expect(zip(rows, expected).allSatisfy { row, pair in row.hash == pair.key && row.delta == pair.value })
    }

    @Test func hashesSharingHighBytesStillSort() {
        // Passes whose byte is equal in every row are skipped; the order must not suffer.
        var deltas: [UInt64: TokenDelta] = [:]
        for low in UInt64(0)..<500 { deltas[0xFFFF_0000_0000_0000 | (low &* 7919 % 65_536)] = TokenDelta(spam: 1) }
        let signed = SortedTokenDeltas(deltas).rows.map(\.signedHash)
        #expect(signed == signed.sorted())
        #expect(signed.count == deltas.count)
    }

    @Test func zeroDeltasAreLeftOut() {
        let rows = SortedTokenDeltas([1: TokenDelta(), 2: TokenDelta(spam: -1), 3: TokenDelta(ham: 2)]).rows
        #expect(rows.map(\.hash) == [2, 3])
        #expect(rows.map(\.delta.isAddition) == [false, true])
    }
}
