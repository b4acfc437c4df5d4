/// Sums the token changes of a learning batch. A batch adds millions of hashes; they are
/// already well mixed, so an open-addressing table takes each in a probe or two, without the
/// hashing and bookkeeping of a `Dictionary` per occurrence. A slot keeps the hash and both
/// sums together (16 bytes), so an add touches one cache line.
///
/// A hash's home slot is the top bits of its signed order, so the table holds the hashes
/// nearly in the order a store wants them: linear probing only moves a hash a few slots on,
/// and `sorted` reads the slots once and puts the few displaced rows back in place instead of
/// sorting hundreds of thousands of rows.
///
/// The hashes are stable (the database stores them), so tokens can be crafted offline to share
/// a home slot; a probe therefore stops after `maxProbes` slots and the hash goes to a
/// `Dictionary` (randomly seeded) instead, so a crafted batch costs at most that many probes
/// per token rather than a probe per token already crowding the slot.
struct DeltaTable {
    /// Probes before a hash goes to `overflow`: far above what well-mixed hashes need.
    static let maxProbes = 64

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
    /// Hashes whose probe run was full; never also held in `slots`.
    private(set) var overflow: [UInt64: TokenDelta] = [:]
    /// 64 minus log2 of the capacity: the home slot is the order key shifted right by this.
    private var shift: UInt64

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The slot a hash is looked for first: its place in signed order, scaled to the table.
    @inline(__always)
    private static func home(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash ^ (1 << 63)) >> shift)
    }

    /// Distinct hashes added so far (zero sums included).
    var count: Int { used + overflow.count + (hasZero ? 1 : 0) }

    /// Adds `spam` and `ham` to the delta of every hash in `hashes`.
    mutating func add(_ hashes: [UInt64], spam: Int, ham: Int) {
        if (used + hashes.count) * 2 > slots.count { grow(to: used + hashes.count) }
        let mask = slots.count - 1
        let shift = shift
        let spam32 = Int32(truncatingIfNeeded: spam), ham32 = Int32(truncatingIfNeeded: ham)
        slots.withUnsafeMutableBufferPointer { slots in
            for hash in hashes {
                if hash == 0 {
                    hasZero = true
                    zero.spam += spam
                    zero.ham += ham
                    continue
                }
                var index = Self.home(hash, shift: shift)
                var probes = 0
                while slots[index].hash != hash && slots[index].hash != 0 && probes < Self.maxProbes {
                    index = (index + 1) & mask
                    probes += 1
                }
                if slots[index].hash == hash {
                    slots[index].spam &+= spam32
                    slots[index].ham &+= ham32
                } else if slots[index].hash == 0 && (overflow.isEmpty || overflow[hash] == nil) {
                    slots[index].hash = hash
                    slots[index].spam = spam32
                    slots[index].ham = ham32
                    used += 1
                } else {
                    overflow[hash, default: TokenDelta()].spam += spam
                    overflow[hash, default: TokenDelta()].ham += ham
                }
            }
        }
    }

    /// The sums in hash order (signed), zero sums left out.
    func sorted() -> SortedTokenDeltas {
        typealias Row = SortedTokenDeltas.Row
        var rows: [Row] = []
        rows.reserveCapacity(used + 1)
        // Probing wrapped these past the last slot to the first ones: they belong at the end.
        var wrapped: [Row] = []
        if hasZero, !zero.isZero { rows.append(Row(hash: 0, delta: zero)) }
        let shift = shift
        slots.withUnsafeBufferPointer { slots in
            for (index, slot) in slots.enumerated() where slot.hash != 0 && (slot.spam != 0 || slot.ham != 0) {
                let row = Row(hash: slot.hash, delta: TokenDelta(spam: Int(slot.spam), ham: Int(slot.ham)))
                if Self.home(slot.hash, shift: shift) > index { wrapped.append(row) } else { rows.append(row) }
            }
        }
        rows.append(contentsOf: wrapped)
        for (hash, delta) in overflow where !delta.isZero { rows.append(Row(hash: hash, delta: delta)) }
        if !Self.restoreOrder(&rows) { rows.sort { $0.orderKey < $1.orderKey } }
        return SortedTokenDeltas(sortedRows: rows)
    }

    /// Moves each displaced row back to its place; false (leaving the rows unsorted) when that
    /// took more moves than a few per row, as when many hashes crowd one home on purpose.
    private static func restoreOrder(_ rows: inout [SortedTokenDeltas.Row]) -> Bool {
        guard rows.count > 1 else { return true }
        var budget = rows.count * 4
        return rows.withUnsafeMutableBufferPointer { rows in
            for index in 1..<rows.count where rows[index].orderKey < rows[index - 1].orderKey {
                let row = rows[index]
                var hole = index
                while hole > 0, rows[hole - 1].orderKey > row.orderKey {
                    rows[hole] = rows[hole - 1]
                    hole -= 1
                    budget -= 1
                }
                rows[hole] = row
                if budget < 0 { return false }
            }
            return true
        }
    }

    private mutating func grow(to count: Int) {
        var bigger = DeltaTable(expected: count)
        bigger.zero = zero
        bigger.hasZero = hasZero
        bigger.overflow = overflow
        let mask = bigger.slots.count - 1
        let shift = bigger.shift
        var placed = 0
        bigger.slots.withUnsafeMutableBufferPointer { target in
            for slot in slots where slot.hash != 0 {
                var index = Self.home(slot.hash, shift: shift)
                var probes = 0
                while target[index].hash != 0 && probes < Self.maxProbes {
                    index = (index + 1) & mask
                    probes += 1
                }
                if target[index].hash == 0 {
                    target[index] = slot
                    placed += 1
                } else {
                    bigger.overflow[slot.hash] = TokenDelta(spam: Int(slot.spam), ham: Int(slot.ham))
                }
            }
        }
        bigger.used = placed
        self = bigger
    }
}
