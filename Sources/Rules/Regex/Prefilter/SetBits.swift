/// The bits set in 64-bit words, for the bit vectors of the prefilter (`ByteSet`, path sets).
enum SetBits {
    /// Calls `body` with `base` plus the index of each bit set in `word`, lowest first.
    @inline(__always)
    static func forEach(in word: UInt64, from base: Int, _ body: (Int) -> Void) {
        var remaining = word
        while remaining != 0 {
            body(base + remaining.trailingZeroBitCount)
            remaining &= remaining &- 1
        }
    }
}
