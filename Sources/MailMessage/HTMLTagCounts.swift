/// Start and end tags counted per known element, in memory the counter owns.
struct HTMLTagCounts: ~Copyable {
    private let storage: UnsafeMutablePointer<Int32>

    init() {
        storage = .allocate(capacity: 2 * HTMLElement.count)
        storage.initialize(repeating: 0, count: 2 * HTMLElement.count)
    }

    deinit { storage.deallocate() }

    @inline(__always) mutating func countStart(_ element: HTMLElement) { storage[Int(element.rawValue)] &+= 1 }
    @inline(__always) mutating func countEnd(_ element: HTMLElement) { storage[HTMLElement.count + Int(element.rawValue)] &+= 1 }
    func starts(_ element: HTMLElement) -> Int { Int(storage[Int(element.rawValue)]) }
    func ends(_ element: HTMLElement) -> Int { Int(storage[HTMLElement.count + Int(element.rawValue)]) }
    var startArray: [Int32] { Array(UnsafeBufferPointer(start: storage, count: HTMLElement.count)) }
    var endArray: [Int32] { Array(UnsafeBufferPointer(start: storage + HTMLElement.count, count: HTMLElement.count)) }
}
