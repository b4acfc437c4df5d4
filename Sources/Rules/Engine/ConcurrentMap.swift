import Dispatch

/// Maps independent pieces of work on every core, results in input order: compiling the rules
/// is thousands of independent analyses, and `swfilter check` run once per message (procmail)
/// waits for all of them.
enum ConcurrentMap {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Results<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.collect()
    }

    /// One slot per item: each written by exactly one iteration, all read only after
    /// `concurrentPerform` returned.
    private final class Results<Result>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func store(_ result: Result, at index: Int) { slots[index] = result }

        func collect() -> [Result] { (0..<count).map { slots[$0]! } }
    }
}
