/// A fixed-size set of small non-negative integers (regex indices), as a bit vector.
public struct TargetSet: Sendable, Hashable {
    private(set) var words: [UInt64]
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    init(words: [UInt64], capacity: Int) {
        self.capacity = capacity
        self.words = words
    }

    /// Becomes a copy of `other` (of the same capacity) without allocating.
    mutating func assign(_ other: TargetSet) {
        for index in words.indices where index < other.words.count { words[index] = other.words[index] }
    }

    public func contains(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        return words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    /// Adds `member`; returns whether it was new.
    @discardableResult
    public mutating func insert(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        let bit: UInt64 = 1 << UInt64(member & 63)
        let old = words[member >> 6]
        words[member >> 6] = old | bit
        return old & bit == 0
    }

    public mutating func remove(_ member: Int) {
        guard member >= 0, member < capacity else { return }
        words[member >> 6] &= ~(1 << UInt64(member & 63))
    }

    public mutating func formUnion(_ other: TargetSet) {
        for index in words.indices where index < other.words.count { words[index] |= other.words[index] }
    }

    public mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members in increasing order.
    public var members: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.append(wordIndex * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
