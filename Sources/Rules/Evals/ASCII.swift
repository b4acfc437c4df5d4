/// Byte helpers for ASCII text inside arbitrary bytes.
enum ASCII {
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always) static func upper(_ byte: UInt8) -> UInt8 {
        byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte
    }

    /// Perl's `\s` on bytes: space, \t, \n, \r, \f, \v.
    @inline(__always) static func isPerlSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func lowercased(_ bytes: some Sequence<UInt8>) -> [UInt8] { bytes.map(lower) }

    /// `first.lowercased() == second.lowercased()`, by bytes when both are ASCII (other text can
    /// lower-case into ASCII: the Kelvin sign becomes "k").
    static func lowercasedEqual(_ first: String, _ second: String) -> Bool {
        let left = first.utf8, right = second.utf8
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else { return first.lowercased() == second.lowercased() }
        return left.count == right.count && zip(left, right).allSatisfy { lower($0) == lower($1) }
    }

    /// Whether `needle` (lower-case ASCII) occurs in `bytes`, ignoring ASCII case.
    static func containsCaseless(_ bytes: [UInt8], _ needle: String) -> Bool {
        containsIgnoringCase(bytes, Array(needle.utf8))
    }

    /// Whether `needle` occurs in `bytes`, ASCII letters compared without case (as a caseless
    /// byte-mode regex compares them); an empty needle always does.
    static func containsIgnoringCase(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        let lowerFirst = lower(first)
        return bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { wanted in
                outer: for start in 0...(text.count - wanted.count) where lower(text[start]) == lowerFirst {
                    for offset in 1..<wanted.count where lower(text[start + offset]) != lower(wanted[offset]) { continue outer }
                    return true
                }
                return false
            }
        }
    }

    /// Whether `needle` occurs in `bytes`, byte for byte.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { wanted in
                outer: for start in 0...(text.count - wanted.count) where text[start] == first {
                    for offset in 1..<wanted.count where text[start + offset] != wanted[offset] { continue outer }
                    return true
                }
                return false
            }
        }
    }

    /// `text.utf8.contains(byte)`, read from the String's storage in place.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for candidate in bytes where candidate == byte { return true }
            return false
        } ?? text.utf8.contains(byte)
    }

    static func string(_ bytes: some Sequence<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }

    /// `string` without first copying bytes that are contiguous already.
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes without leading and trailing Perl white space.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isPerlSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isPerlSpace(last) { slice = slice.dropLast() }
        return slice
    }
}
