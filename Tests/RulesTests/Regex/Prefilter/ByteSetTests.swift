import Testing
@testable import Rules

/// `ByteSet`'s word-level operations agree with the byte-by-byte definitions.
struct ByteSetTests {
    private static func randomSet(_ random: inout SplitMix) -> ByteSet {
        var set = ByteSet()
        for _ in 0..<random.next(below: 40) { set.insert(UInt8(random.next(below: 256))) }
        return set
    }

    @Test func rangesHoldExactlyTheirBytes() {
        for low in stride(from: 0, through: 255, by: 7) {
            for high in stride(from: low, through: 255, by: 5) {
                let set = ByteSet(range: UInt8(low)...UInt8(high))
                #expect((0...255).allSatisfy { set.contains(UInt8($0)) == (low...high).contains($0) }, "\(low)...\(high)")
            }
        }
        #expect(ByteSet(range: 0...255).isAll)
        #expect(ByteSet(range: 64...127) == ByteSet((64...127).map(UInt8.init)))
    }

    @Test func membersAreTheContainedBytesInOrder() {
        var random = SplitMix(seed: 3)
        for _ in 0..<200 {
            let set = Self.randomSet(&random)
            #expect(set.members == (0...255).map(UInt8.init).filter(set.contains))
        }
        #expect(ByteSet.all.members.count == 256)
        #expect(ByteSet().members.isEmpty)
    }

    @Test func eachMemberIsVisitedOnceInOrder() {
        var random = SplitMix(seed: 5)
        for _ in 0..<200 {
            let set = Self.randomSet(&random)
            var visited: [UInt8] = []
            set.forEachMember { visited.append($0) }
            #expect(visited == (0...255).map(UInt8.init).filter(set.contains))
        }
    }

    @Test func intersectionHoldsTheBytesOfBoth() {
        var random = SplitMix(seed: 5)
        for _ in 0..<200 {
            let left = Self.randomSet(&random), right = Self.randomSet(&random)
            let both = left.intersection(right)
            #expect((0...255).allSatisfy { both.contains(UInt8($0)) == (left.contains(UInt8($0)) && right.contains(UInt8($0))) })
        }
    }

    @Test func wordsAreTheBitsOfSixtyFourBytes() {
        let set = ByteSet([0, 63, 64, 130, 255])
        #expect((0..<4).map { set[word: $0] } == [1 | 1 << 63, 1, 1 << 2, 1 << 63])
    }
}
