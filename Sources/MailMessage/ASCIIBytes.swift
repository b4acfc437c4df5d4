/// Byte-level ASCII helpers for the HTML and URI scanners.
enum ASCIIBytes {
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }

    /// Up to 8 bytes, ASCII letters lower-cased, packed first byte lowest: a cheap key for
    /// short names.
    @inline(__always)
    static func packLowercase(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in 0..<min(count, 8) {
            key |= UInt64(HeaderText.lowerASCII(bytes[index])) << (8 * UInt64(index))
        }
        return key
    }

    /// `packLowercase` for up to 8 bytes when 8 bytes at `bytes` may be read: one load, the
    /// letters lower-cased eight at a time.
    @inline(__always)
    static func packLowercase8(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte: at least "A", above "Z", and not a byte from 0x80 up.
        let upper = (low7 &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low7 &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
        let lowered = word | upper >> 2
        return count >= 8 ? lowered : lowered & ((1 << (8 * UInt64(count))) - 1)
    }

    /// Whether `count` bytes at `bytes` spell `word` (lower-case ASCII) in any case.
    @inline(__always)
    static func equalsLowercase(_ bytes: UnsafePointer<UInt8>, count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<count where HeaderText.lowerASCII(bytes[index]) != expected[index] { return false }
        return true
    }

    /// Whether the bytes of `buffer` spell `word` (lower-case ASCII) in any case.
    @inline(__always)
    static func equalsLowercase(_ buffer: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard let base = buffer.baseAddress else { return word.utf8CodeUnitCount == 0 }
        return equalsLowercase(base, count: buffer.count, word)
    }

    /// `buffer` without ASCII white space and control characters at either end.
    @inline(__always)
    static func trimmed(_ buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = buffer.baseAddress else { return buffer }
        var start = 0, end = buffer.count
        while start < end, base[start] <= 0x20 { start += 1 }
        while end > start, base[end - 1] <= 0x20 { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }
}
