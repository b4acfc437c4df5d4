import Synchronization

/// Numbers the distinct eval header request texts of the process from 0, in the order they are
/// first seen (at rule load), so a message's request caches are arrays.
enum EvalHeaderRequestSlots {
    private static let slots = Mutex<[String: Int]>([:])

    /// The number of `text`, given it now when it has none.
    static func slot(for text: String) -> Int {
        slots.withLock { table in
            if let slot = table[text] { return slot }
            let slot = table.count
            table[text] = slot
            return slot
        }
    }

    /// How many numbers are given out.
    static var count: Int { slots.withLock { $0.count } }
}
