/// The Windows-1252 code page, the charset that mail declared as ISO-8859-1 really uses. Every
/// byte maps to a character (0x81, 0x8D, 0x8F, 0x90 and 0x9D to the C1 controls, as browsers do),
/// so decoding never fails.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// For each byte from 0x80: its UTF-8 form packed low byte first, with the length in the top byte.
    private static let utf8Forms: [UInt32] = (0x80...0xFF).map { byte in
        let value = byte < 0xA0 ? high[byte - 0x80] : UInt32(byte)
        if value < 0x800 {
            return 2 << 24 | (0x80 | value & 0x3F) << 8 | (0xC0 | value >> 6)
        }
        return 3 << 24 | (0x80 | value & 0x3F) << 16 | (0x80 | value >> 6 & 0x3F) << 8 | (0xE0 | value >> 12)
    }

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// The bytes as Windows-1252 text, written straight into the string's UTF-8 storage; ASCII
    /// eight bytes at a time.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Every byte from 0x80 takes at most three bytes in UTF-8.
        var high = 0
        var at = 0
        while at + 8 <= count {
            high += (raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) & highBits).nonzeroBitCount
            at += 8
        }
        while at < count {
            if base[at] >= 0x80 { high += 1 }
            at += 1
        }
        return utf8Forms.withUnsafeBufferPointer { forms in
            String(unsafeUninitializedCapacity: count + 2 * high) { output in
                let out = UnsafeMutableRawPointer(output.baseAddress!)
                var from = 0, to = 0
                while from < count {
                    // Writing eight bytes stays within the capacity: the output is ahead of the
                    // input by at most two bytes per 8-bit byte.
                    while from + 8 <= count {
                        let word = raw.loadUnaligned(fromByteOffset: from, as: UInt64.self)
                        guard word & highBits == 0 else { break }
                        out.storeBytes(of: word, toByteOffset: to, as: UInt64.self)
                        from += 8
                        to += 8
                    }
                    guard from < count else { break }
                    let byte = base[from]
                    from += 1
                    if byte < 0x80 {
                        out.storeBytes(of: byte, toByteOffset: to, as: UInt8.self)
                        to += 1
                        continue
                    }
                    let form = forms[Int(byte &- 0x80)]
                    out.storeBytes(of: UInt8(truncatingIfNeeded: form), toByteOffset: to, as: UInt8.self)
                    out.storeBytes(of: UInt8(truncatingIfNeeded: form >> 8), toByteOffset: to + 1, as: UInt8.self)
                    if form >> 24 == 3 { out.storeBytes(of: UInt8(truncatingIfNeeded: form >> 16), toByteOffset: to + 2, as: UInt8.self) }
                    to += Int(form >> 24)
                }
                return to
            }
        }
    }
}
