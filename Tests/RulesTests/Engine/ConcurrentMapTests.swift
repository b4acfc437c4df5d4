import Testing
@testable import Rules

@Suite struct ConcurrentMapTests {
    @Test func resultsComeBackInInputOrder() {
        let items = Array(0..<300)
        #expect(ConcurrentMap.map(items) { $0 * $0 + 1 } == items.map { $0 * $0 + 1 })
        #expect(ConcurrentMap.map([Int]()) { $0 }.isEmpty)
        #expect(ConcurrentMap.map([5]) { $0 * 2 } == [10])
    }
}
