import Bayes

/// A batch's token changes as rows in the tables's key order (the hash as a signed 64-bit
/// rowid), so the upserts walk the B-tree from left to right. A batch holds hundreds of
/// thousands of uniformly spread hashes: a radix sort on the key beats a comparison sort of
/// dictionary pairs several times over.
struct SortedDeltas {
    struct Row {
        /// The hash with its top bit flipped: unsigned order of this is the rowid's signed order.
        var orderKey: UInt64
        var spam: Int
        var ham: Int

        var rowid: Int64 { Int64(bitPattern: orderKey ^ (1 << 63)) }
        var isAddition: Bool { spam >= 0 && ham >= 0 }
    }

    private(set) var rows: [Row]

    init(_ deltas: [UInt64: TokenDelta]) {
        var rows: [Row] = []
        rows.reserveCapacity(deltas.count)
        for (hash, delta) in deltas where !delta.isZero {
            rows.append(Row(orderKey: hash ^ (1 << 63), spam: delta.spam, ham: delta.ham))
        }
        Self.radixSort(&rows)
        self.rows = rows
    }

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
