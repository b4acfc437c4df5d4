/// Sorts token hashes in place. The hashes are uniformly spread, and a message gives a few
/// hundred: one pass counts them per bucket of their top bits (about four a bucket), one
/// places them, and each bucket is finished by insertion. Comparison sorts spend most of their
/// time on mispredicted branches here, and a byte-wise radix sort on its eight passes.
enum HashSort {
    /// Buckets longer than this (hashes crowded on purpose) take the library's n log n sort.
    static let insertionSortLimit = 24
    static let maxBucketBits = 16

    static func sort(_ values: inout [UInt64]) {
        let count = values.count
        guard count > 1 else { return }
        if count < 32 {
            values.sort()
            return
        }
        var bits = 1
        while bits < maxBucketBits, 4 << bits < count { bits += 1 }
        let shift = UInt64(64 - bits)
        // starts[b + 1] counts bucket b, then becomes where bucket b + 1 begins.
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        let sorted = [UInt64](unsafeUninitializedCapacity: count) { target, initialized in
            values.withUnsafeBufferPointer { source in
                starts.withUnsafeMutableBufferPointer { starts in
                    for value in source { starts[Int(truncatingIfNeeded: value >> shift) + 1] += 1 }
                    for index in 1..<starts.count { starts[index] += starts[index - 1] }
                    // Each bucket's start moves up as it fills, and ends at the next one's.
                    for value in source {
                        let bucket = Int(truncatingIfNeeded: value >> shift)
                        target[starts[bucket]] = value
                        starts[bucket] += 1
                    }
                    var begin = 0
                    for bucket in 0..<(starts.count - 1) {
                        let end = starts[bucket]
                        finish(UnsafeMutableBufferPointer(rebasing: target[begin..<end]))
                        begin = end
                    }
                }
            }
            initialized = count
        }
        values = sorted
    }

    private static func finish(_ bucket: UnsafeMutableBufferPointer<UInt64>) {
        guard bucket.count > 1 else { return }
        var values = bucket
        guard values.count <= insertionSortLimit else {
            values.sort()
            return
        }
        for index in 1..<values.count {
            let value = values[index]
            var hole = index
            while hole > 0, values[hole - 1] > value {
                values[hole] = values[hole - 1]
                hole -= 1
            }
            values[hole] = value
        }
    }
}
