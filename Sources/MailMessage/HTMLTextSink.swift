/// Rendered text as UTF-8 bytes. White space and block breaks are held back as one pending
/// break (the strongest asked for) and written only when more text follows, so runs collapse and
/// the text never starts or ends with white space.
///
/// The bytes live in memory the sink owns (it cannot be copied by accident; `copy()` makes a
/// second one), so appending is a bounds check and a memcpy, with no reference counting.
struct HTMLTextSink: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private(set) var pending: HTMLTextBreak = .none

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// A second sink with the same bytes and pending break.
    func copy() -> HTMLTextSink {
        var copy = HTMLTextSink(capacity: capacity)
        copy.storage.update(from: storage, count: count)
        copy.count = count
        copy.pending = pending
        return copy
    }

    @inline(__always)
    mutating func requestBreak(_ level: HTMLTextBreak) {
        if level.rawValue > pending.rawValue { pending = level }
    }

    /// A line break for `<br>`: a second one in a row makes a paragraph break.
    mutating func requestLineBreak() {
        pending = pending.rawValue >= HTMLTextBreak.line.rawValue ? .paragraph : .line
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func flush() {
        guard pending != .none else { return }
        if count > 0 {
            reserve(2)
            switch pending {
            case .none: break
            case .space: storage[count] = 0x20; count += 1
            case .line: storage[count] = 0x0A; count += 1
            case .paragraph: storage[count] = 0x0A; storage[count + 1] = 0x0A; count += 2
            }
        }
        pending = .none
    }

    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        flush()
        reserve(length)
        (storage + count).update(from: start, count: length)
        count += length
    }

    /// The text from `offset` to the end with every white space run made one space, trimmed.
    func collapsedText(from offset: Int) -> String {
        var start = min(offset, count), end = count
        while start < end, storage[start] <= 0x20 { start += 1 }
        while end > start, storage[end - 1] <= 0x20 { end -= 1 }
        let slice = UnsafeBufferPointer(start: storage + start, count: end - start)
        var needsWork = false
        for index in slice.indices where slice[index] <= 0x20 {
            if slice[index] != 0x20 || (index > 0 && slice[index - 1] == 0x20) { needsWork = true; break }
        }
        guard needsWork else { return String(decoding: slice, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(slice.count)
        var pendingSpace = false
        for byte in slice {
            if byte <= 0x20 {
                pendingSpace = true
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: storage, count: count))
    }

    var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }
}
