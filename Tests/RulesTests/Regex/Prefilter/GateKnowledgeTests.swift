import Testing
@testable import Rules

/// Joining two pruned lists gives what pruning both together gives, ties in odds included.
@Suite struct GateKnowledgeTests {
    /// Bytes whose odds tie often (the high bytes share one frequency) and nest into each other.
    private static let pool: [UInt8] = [0x80, 0x81, 0x82, 0x83, 0xC0, 0xC1] + Array("aeqz01".utf8)

    private static func randomSet(_ random: inout SplitMix) -> ByteSet {
        ByteSet((0...random.next(below: 3)).map { _ in pool[random.next(below: pool.count)] })
    }

    @Test func joinedClassesArePrunedTogether() {
        var random = SplitMix(seed: 17)
        for _ in 0..<2000 {
            let first = GateKnowledge.pruned((0..<random.next(below: 9)).map { _ in Self.randomSet(&random) })
            let second = GateKnowledge.pruned((0..<random.next(below: 9)).map { _ in Self.randomSet(&random) })
            #expect(GateKnowledge.joined(first, second) == GateKnowledge.pruned(first + second))
        }
    }

    @Test func joinedRunsArePrunedTogether() {
        var random = SplitMix(seed: 19)
        func randomRuns() -> [RequiredRun] {
            GateKnowledge.pruned((0..<random.next(below: 9)).map { _ in RequiredRun(bytes: Self.randomSet(&random), length: 2 + random.next(below: 3)) })
        }
        for _ in 0..<2000 {
            let first = randomRuns(), second = randomRuns()
            #expect(GateKnowledge.joined(first, second) == GateKnowledge.pruned(first + second))
        }
    }

    @Test func aRunAddedToAFullListRanksFirstAndPushesTheLastOut() {
        let letters = ByteSet(range: 0x61...0x7A), digits = ByteSet(range: 0x30...0x39)
        var knowledge = GateKnowledge.byte(of: ByteSet(Array("ab".utf8)))
        // Runs of 2 to 7 lower case letters all have the highest odds: they keep their order.
        knowledge.runs = GateKnowledge.pruned((2...7).map { RequiredRun(bytes: letters, length: $0) })
        #expect(knowledge.runs.map(\.length) == Array(2...7))
        knowledge.addRun(of: GateKnowledge(minLength: 9, alphabet: digits, classes: [], runs: []))
        #expect(knowledge.runs == [RequiredRun(bytes: digits, length: 9)] + (2...6).map { RequiredRun(bytes: letters, length: $0) })
    }
}
