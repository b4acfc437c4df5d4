/// Sorts token hashes in place with a least-significant-digit radix sort (eight passes of one
/// byte). The hashes are uniformly spread, and a message gives a few hundred: comparison sorts
/// spend most of their time on mispredicted branches there, a radix sort on none.
enum HashSort {
    static func sort(_ values: inout [UInt64]) {
        let count = values.count
        guard count > 1 else { return }
        if count < 32 {
            values.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 256)
        values.withUnsafeMutableBufferPointer { primary in
            scratch.withUnsafeMutableBufferPointer { secondary in
                counts.withUnsafeMutableBufferPointer { buckets in
                    var source = primary, target = secondary
                    for shift in stride(from: UInt64(0), to: 64, by: 8) {
                        for index in 0..<256 { buckets[index] = 0 }
                        for value in source { buckets[Int((value >> shift) & 0xFF)] += 1 }
                        var offset = 0
                        for index in 0..<256 {
                            let size = buckets[index]
                            buckets[index] = offset
                            offset += size
                        }
                        for value in source {
                            let digit = Int((value >> shift) & 0xFF)
                            target[buckets[digit]] = value
                            buckets[digit] += 1
                        }
                        swap(&source, &target)
                    }
                    // Eight passes: the result is back in `primary`.
                }
            }
        }
    }
}
