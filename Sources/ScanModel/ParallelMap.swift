import Dispatch

/// Maps an array on every core, results in input order: for independent pieces of work such as
/// parsing and tokenizing a batch of messages (`swfilter learn`) or compiling the rules (thousands
/// of independent analyses that `swfilter filter` waits for once per message under procmail).
public enum ParallelMap {
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.store(transform(items[index]), at: index)
        }
        return slots.take()
    }

    /// One slot per item; each index is written by exactly one iteration, and read only after
    /// `concurrentPerform` has returned.
    private final class Slots<Result>: @unchecked Sendable {
        private let pointer: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: nil, count: count)
        }

        deinit {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }

        func store(_ value: Result, at index: Int) { pointer[index] = value }

        func take() -> [Result] { (0..<count).map { pointer[$0]! } }
    }
}
