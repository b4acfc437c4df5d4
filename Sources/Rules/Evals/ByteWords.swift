/// Byte-class tests on eight bytes at once (a little-endian `UInt64` word): each returns a mask
/// with 0x80 set in the bytes that pass, so `nonzeroBitCount` counts them. No carry crosses from
/// one byte into the next.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The word at `offset` (which must leave eight bytes).
    @inline(__always) static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether every byte is below 0x80.
    static func allASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var seen: UInt64 = 0, start = 0
            while start + 8 <= buffer.count {
                seen |= load(buffer, at: start)
                start += 8
            }
            return seen & highBits == 0 && !buffer[start...].contains { $0 >= 0x80 }
        }
    }

    /// The bytes equal to `byte`.
    @inline(__always) static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* ones)
        return ~(((difference & ~highBits) &+ ~highBits) | difference) & highBits
    }

    /// The bytes in `low...high` (both below 0x80).
    @inline(__always) static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let sevenBits = word & ~highBits
        let atLeastLow = sevenBits &+ UInt64(0x80 - low) &* ones
        let aboveHigh = sevenBits &+ UInt64(0x7F - high) &* ones
        return atLeastLow & ~aboveHigh & ~word & highBits
    }

    /// The bytes 10xxxxxx: UTF-8 continuation bytes.
    @inline(__always) static func continuation(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & highBits
    }
}
