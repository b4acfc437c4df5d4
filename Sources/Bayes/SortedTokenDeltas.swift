/// A learning batch's summed token changes, zero changes left out, in the order of the hash
/// read as a signed 64-bit integer: the order of a table keyed by that integer, so a store
/// walks its index from left to right. A batch holds hundreds of thousands of uniformly spread
/// hashes: a radix sort beats a comparison sort several times over.
public struct SortedTokenDeltas: Sendable, Equatable {
    public struct Row: Sendable, Hashable {
        public var hash: UInt64
        public var delta: TokenDelta

        public init(hash: UInt64, delta: TokenDelta) {
            self.hash = hash
            self.delta = delta
        }

        /// The hash as the signed integer a SQL table keys it by.
        public var signedHash: Int64 { Int64(bitPattern: hash) }
        /// Unsigned order of this is the signed order of the hash.
        var orderKey: UInt64 { hash ^ (1 << 63) }
    }

    public private(set) var rows: [Row]

    public init(_ deltas: [UInt64: TokenDelta]) {
        self.init(unsorted: deltas.map { Row(hash: $0.key, delta: $0.value) })
    }

    /// Sorts `rows`, dropping zero changes; each hash at most once.
    init(unsorted rows: [Row]) {
        var rows = rows
        rows.removeAll { $0.delta.isZero }
        Self.radixSort(&rows)
        self.rows = rows
    }

    /// Rows already sorted, each hash once, none zero (as `DeltaTable.sorted` makes them).
    init(sortedRows rows: [Row]) {
        self.rows = rows
    }

    public var isEmpty: Bool { rows.isEmpty }
    public var count: Int { rows.count }

    /// Least-significant-digit radix sort on `orderKey`, eight passes of one byte; passes whose
    /// byte is the same in every row are skipped.
    private static func radixSort(_ rows: inout [Row]) {
        let count = rows.count
        guard count > 1 else { return }
        if count < 64 {
            rows.sort { $0.orderKey < $1.orderKey }
            return
        }
        var scratch = rows
        var counts = [Int](repeating: 0, count: 256)
        var resultInScratch = false
        rows.withUnsafeMutableBufferPointer { primary in
            scratch.withUnsafeMutableBufferPointer { secondary in
                counts.withUnsafeMutableBufferPointer { buckets in
                    var source = primary, target = secondary
                    for shift in stride(from: UInt64(0), to: 64, by: 8) {
                        for index in 0..<256 { buckets[index] = 0 }
                        for row in source { buckets[Int((row.orderKey >> shift) & 0xFF)] += 1 }
                        if buckets.contains(count) { continue }
                        var offset = 0
                        for index in 0..<256 {
                            let size = buckets[index]
                            buckets[index] = offset
                            offset += size
                        }
                        for row in source {
                            let digit = Int((row.orderKey >> shift) & 0xFF)
                            target[buckets[digit]] = row
                            buckets[digit] += 1
                        }
                        swap(&source, &target)
                        resultInScratch.toggle()
                    }
                }
            }
        }
        if resultInScratch { rows = scratch }
    }
}
