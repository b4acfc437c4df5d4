import Testing
import ScanModel

@Suite struct ParallelMapTests {
    @Test func resultsComeBackInInputOrder() {
        let items = Array(0..<300)
        #expect(ParallelMap.map(items) { $0 * $0 + 1 } == items.map { $0 * $0 + 1 })
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
        #expect(ParallelMap.map([5]) { $0 * 2 } == [10])
    }
}
