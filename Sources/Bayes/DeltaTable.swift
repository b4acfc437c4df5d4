/// Sums the token changes of a learning batch. A batch adds hundreds of thousands of hashes;
/// they are already well mixed, so an open-addressing table on their low bits takes each in a
/// probe or two, without the hashing and bookkeeping of a `Dictionary` per occurrence.
struct DeltaTable {
    private var keys: [UInt64]
    private var deltas: [TokenDelta]
    /// Slot 0 of `keys` means empty; hash 0 itself is kept apart.
    private var zero = TokenDelta()
    private var hasZero = false
    private var used = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        deltas = [TokenDelta](repeating: TokenDelta(), count: capacity)
    }

    /// Adds `spam` and `ham` to the delta of every hash in `hashes`.
    mutating func add(_ hashes: [UInt64], spam: Int, ham: Int) {
        if (used + hashes.count) * 2 > keys.count { grow(to: used + hashes.count) }
        let mask = keys.count - 1
        keys.withUnsafeMutableBufferPointer { keys in
            deltas.withUnsafeMutableBufferPointer { deltas in
                for hash in hashes {
                    if hash == 0 {
                        hasZero = true
                        zero.spam += spam
                        zero.ham += ham
                        continue
                    }
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while keys[slot] != hash && keys[slot] != 0 { slot = (slot + 1) & mask }
                    if keys[slot] == 0 {
                        keys[slot] = hash
                        used += 1
                    }
                    deltas[slot].spam += spam
                    deltas[slot].ham += ham
                }
            }
        }
    }

    /// The sums, one entry per hash added.
    func dictionary() -> [UInt64: TokenDelta] {
        var result: [UInt64: TokenDelta] = [:]
        result.reserveCapacity(used + 1)
        if hasZero { result[0] = zero }
        for slot in keys.indices where keys[slot] != 0 { result[keys[slot]] = deltas[slot] }
        return result
    }

    private mutating func grow(to count: Int) {
        var bigger = DeltaTable(expected: count)
        bigger.zero = zero
        bigger.hasZero = hasZero
        let mask = bigger.keys.count - 1
        for slot in keys.indices where keys[slot] != 0 {
            var target = Int(truncatingIfNeeded: keys[slot]) & mask
            while bigger.keys[target] != 0 { target = (target + 1) & mask }
            bigger.keys[target] = keys[slot]
            bigger.deltas[target] = deltas[slot]
        }
        bigger.used = used
        self = bigger
    }
}
