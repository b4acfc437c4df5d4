import Testing
@testable import Bayes

@Suite struct HashSortTests {
    @Test func sortsLikeTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 16, 17, 100, 1000, 5000] {
            var values = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            values += values.prefix(count / 3)   // duplicates
            var sorted = values
            HashSort.sort(&sorted)
            #expect(sorted == values.sorted(), "\(count) values")
        }
    }

    @Test func sortedReversedAndEqualInputs() {
        for input in [Array(0..<UInt64(3000)), Array((0..<UInt64(3000)).reversed()), Array(repeating: UInt64(7), count: 3000)] {
            var sorted = input
            HashSort.sort(&sorted)
            #expect(sorted == input.sorted())
        }
    }
}
