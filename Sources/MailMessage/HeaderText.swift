/// Byte-level helpers for header text.
enum HeaderText {
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    @inline(__always) static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Removes CR and LF (folding keeps the white space after them) and trims white space.
    static func unfold(_ bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isFoldingSpace(bytes[start]) { start += 1 }
        while end > start, isFoldingSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        if !trimmed.contains(where: { $0 == 0x0D || $0 == 0x0A }) { return string(trimmed) }
        return string(trimmed.filter { $0 != 0x0D && $0 != 0x0A }[...])
    }

    @inline(__always) static func isFoldingSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Bytes as text: UTF-8 where valid, otherwise Windows-1252 byte by byte, so no byte is lost
    /// to a replacement character in header text.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return String(String.UnicodeScalarView(bytes.map { Windows1252.scalar(for: $0) }))
    }
}

/// The Windows-1252 code page, the charset that mail declared as ISO-8859-1 really uses.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}
