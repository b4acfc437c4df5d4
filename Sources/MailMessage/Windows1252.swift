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

    /// The bytes as Windows-1252 text, written straight into the string's UTF-8 storage.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var length = bytes.count
        for byte in bytes where byte >= 0x80 {
            length += Int(utf8Forms[Int(byte &- 0x80)] >> 24) - 1
        }
        return utf8Forms.withUnsafeBufferPointer { forms in
            String(unsafeUninitializedCapacity: length) { output in
                var at = 0
                for byte in bytes {
                    if byte < 0x80 {
                        output[at] = byte
                        at += 1
                        continue
                    }
                    let form = forms[Int(byte &- 0x80)]
                    output[at] = UInt8(truncatingIfNeeded: form)
                    output[at + 1] = UInt8(truncatingIfNeeded: form >> 8)
                    if form >> 24 == 3 { output[at + 2] = UInt8(truncatingIfNeeded: form >> 16) }
                    at += Int(form >> 24)
                }
                return at
            }
        }
    }
}
