/// Sums the token changes of a learning batch. A batch adds millions of hashes; they are
/// already well mixed, so an open-addressing table on their low bits takes each in a probe or
/// two, without the hashing and bookkeeping of a `Dictionary` per occurrence. A slot keeps the
/// hash and both sums together (16 bytes), so an add touches one cache line.
struct DeltaTable {
    private struct Slot {
        var hash: UInt64 = 0
        // A batch's sum is at most its message count: far inside 32 bits.
        var spam: Int32 = 0
        var ham: Int32 = 0
    }

    private var slots: [Slot]
    /// Slot hash 0 means empty; hash 0 itself is kept apart.
    private var zero = TokenDelta()
    private var hasZero = false
    private var used = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
    }

    /// Adds `spam` and `ham` to the delta of every hash in `hashes`.
    mutating func add(_ hashes: [UInt64], spam: Int, ham: Int) {
        if (used + hashes.count) * 2 > slots.count { grow(to: used + hashes.count) }
        let mask = slots.count - 1
        let spam32 = Int32(truncatingIfNeeded: spam), ham32 = Int32(truncatingIfNeeded: ham)
        slots.withUnsafeMutableBufferPointer { slots in
            for hash in hashes {
                if hash == 0 {
                    hasZero = true
                    zero.spam += spam
                    zero.ham += ham
                    continue
                }
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index].hash != hash && slots[index].hash != 0 { index = (index + 1) & mask }
                if slots[index].hash == 0 {
                    slots[index].hash = hash
                    used += 1
                }
                slots[index].spam &+= spam32
                slots[index].ham &+= ham32
            }
        }
    }

    /// The sums in hash order (signed), zero sums left out.
    func sorted() -> SortedTokenDeltas {
        var rows: [SortedTokenDeltas.Row] = []
        rows.reserveCapacity(used + 1)
        if hasZero, !zero.isZero { rows.append(SortedTokenDeltas.Row(hash: 0, delta: zero)) }
        for slot in slots where slot.hash != 0 && (slot.spam != 0 || slot.ham != 0) {
            rows.append(SortedTokenDeltas.Row(hash: slot.hash, delta: TokenDelta(spam: Int(slot.spam), ham: Int(slot.ham))))
        }
        return SortedTokenDeltas(unsorted: rows)
    }

    private mutating func grow(to count: Int) {
        var bigger = DeltaTable(expected: count)
        bigger.zero = zero
        bigger.hasZero = hasZero
        let mask = bigger.slots.count - 1
        for slot in slots where slot.hash != 0 {
            var target = Int(truncatingIfNeeded: slot.hash) & mask
            while bigger.slots[target].hash != 0 { target = (target + 1) & mask }
            bigger.slots[target] = slot
        }
        bigger.used = used
        self = bigger
    }
}
