/// What a line offers the `LineGate` checks, computed in one pass: which bytes it holds. Runs
/// are measured only when a gate asks (`RunLanes`).
enum LineFeatures {
    /// Per byte, its bit in the first (0x00…0x3F) and second (0x40…0x7F) word of a `ByteSet`.
    private static let lowBits: [UInt64] = (0..<256).map { $0 < 64 ? 1 << UInt64($0) : 0 }
    private static let highBits: [UInt64] = (0..<256).map { $0 >= 64 && $0 < 128 ? 1 << UInt64($0 - 64) : 0 }

    /// The ASCII bytes `text` holds, exactly, and when it holds any byte above 0x7F, all of those
    /// (a superset, which every gate check treats soundly). Branch free: two table loads a byte.
    static func presence(in text: UnsafeBufferPointer<UInt8>) -> ByteSet {
        var w0: UInt64 = 0, w1: UInt64 = 0
        var eightBit: UInt8 = 0
        lowBits.withUnsafeBufferPointer { low in
            highBits.withUnsafeBufferPointer { high in
                for byte in text {
                    w0 |= low[Int(byte)]
                    w1 |= high[Int(byte)]
                    eightBit |= byte
                }
            }
        }
        var set = ByteSet()
        set.w0 = w0
        set.w1 = w1
        if eightBit & 0x80 != 0 {
            set.w2 = .max
            set.w3 = .max
        }
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
