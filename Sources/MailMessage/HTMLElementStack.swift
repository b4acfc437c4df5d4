/// The renderer's stack of open elements, in memory it owns (no reference counting on the path
/// every tag takes). Holds at most `limit` elements.
struct HTMLElementStack: ~Copyable {
    private var storage: UnsafeMutablePointer<HTMLOpenElement>
    private var capacity: Int
    let limit: Int
    private(set) var count = 0

    init(limit: Int) {
        self.limit = limit
        capacity = min(limit, 32)
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    var isFull: Bool { count >= limit }
    var last: HTMLOpenElement? { count > 0 ? storage[count - 1] : nil }

    subscript(index: Int) -> HTMLOpenElement {
        precondition(index >= 0 && index < count)
        return storage[index]
    }

    /// Adds `element` on top; the caller checks `isFull` first.
    @inline(__always)
    mutating func push(_ element: HTMLOpenElement) {
        precondition(count < limit)
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func removeLast() -> HTMLOpenElement {
        precondition(count > 0)
        count -= 1
        return (storage + count).move()
    }

    private mutating func grow() {
        let newCapacity = min(limit, capacity * 2)
        let newStorage = UnsafeMutablePointer<HTMLOpenElement>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
