/// What a line offers the `LineGate` checks, computed in one pass: which bytes it holds. Runs
/// are measured only when a gate asks (`longestRun`).
enum LineFeatures {
    /// The set of bytes `text` holds.
    static func presence(in text: UnsafeBufferPointer<UInt8>) -> ByteSet {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        for byte in text {
            let bit: UInt64 = 1 &<< UInt64(byte & 63)
            let quarter = byte >> 6
            w0 |= quarter == 0 ? bit : 0
            w1 |= quarter == 1 ? bit : 0
            w2 |= quarter == 2 ? bit : 0
            w3 |= quarter == 3 ? bit : 0
        }
        var set = ByteSet()
        set.w0 = w0; set.w1 = w1; set.w2 = w2; set.w3 = w3
        return set
    }

    /// The length of the longest stretch of `text` made only of bytes of `set`, or any value at
    /// least `enough` once a stretch that long is seen.
    static func longestRun(of set: ByteSet, in text: UnsafeBufferPointer<UInt8>, enough: Int = .max) -> Int {
        var longest = 0, current = 0
        for byte in text {
            if set.contains(byte) {
                current += 1
                if current > longest {
                    longest = current
                    if longest >= enough { return longest }
                }
            } else {
                current = 0
            }
        }
        return longest
    }

    static func longestRun(of set: ByteSet, in text: [UInt8]) -> Int {
        text.withUnsafeBufferPointer { longestRun(of: set, in: $0) }
    }

    /// Which projection a line holding `present` runs (as `TextKind(of:)` decides).
    static func textKind(of present: ByteSet) -> TextKind {
        if present.w2 | present.w3 != 0 { return .eightBit }
        return present.contains(UInt8(ascii: "&")) ? .ascii : .plain
    }
}
