/// The reading position in a PCRE2 pattern shared by the pattern readers of the prefilter
/// (`PatternLiteralParser`, `PatternGateParser`): looking ahead, and the escapes that stand for
/// one byte, which both read the same way in and out of classes.
protocol PatternCursor {
    var pattern: [UInt8] { get }
    var index: Int { get set }
}

extension PatternCursor {
    var peek: UInt8? { index < pattern.count ? pattern[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < pattern.count ? pattern[index + offset] : nil
    }

    func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// The upper end of a class range `a-z`, read after the `-` (the cursor on the byte after
    /// it): a byte or a one-byte escape; a word-letter escape or a nested `[` is refused.
    mutating func rangeUpperEnd() throws(UnsupportedPattern) -> UInt8 {
        guard let next = peek else { throw UnsupportedPattern() }
        index += 1
        if next == UInt8(ascii: "[") { throw UnsupportedPattern() }
        guard next == UInt8(ascii: "\\") else { return next }
        guard let escaped = peek else { throw UnsupportedPattern() }
        index += 1
        guard let value = try simpleEscapeByte(escaped) ?? (isWordByte(escaped) ? nil : escaped) else {
            throw UnsupportedPattern()
        }
        return value
    }

    /// Escapes that stand for one byte, in and out of classes: `\t`, `\x41`, `\0`, `\cA`, `\.`…
    /// Returns nil for other escapes (letters with other meanings).
    mutating func simpleEscapeByte(_ byte: UInt8) throws(UnsupportedPattern) -> UInt8? {
        switch byte {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "e"): return 0x1B
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "0"):
            var value = 0, digits = 0
            while digits < 2, let next = peek, next >= 0x30, next <= 0x37 {
                value = value * 8 + Int(next - 0x30)
                index += 1
                digits += 1
            }
            return UInt8(value)
        case UInt8(ascii: "o"):
            guard peek == UInt8(ascii: "{") else { throw UnsupportedPattern() }
            index += 1
            return try braced(radix: 8)
        case UInt8(ascii: "x"):
            if peek == UInt8(ascii: "{") {
                index += 1
                return try braced(radix: 16)
            }
            var value = 0, digits = 0
            while digits < 2, let next = peek, let digit = hexValue(next) {
                value = value * 16 + digit
                index += 1
                digits += 1
            }
            return UInt8(value)
        case UInt8(ascii: "c"):
            guard let next = peek, next >= 0x20, next < 0x7F else { throw UnsupportedPattern() }
            index += 1
            let upper = next >= 0x61 && next <= 0x7A ? next - 0x20 : next
            return upper ^ 0x40
        default:
            return nil
        }
    }

    private mutating func braced(radix: Int) throws(UnsupportedPattern) -> UInt8 {
        var value = 0, digits = 0
        while let next = peek, next != UInt8(ascii: "}") {
            guard let digit = hexValue(next), digit < radix, digits < 8 else { throw UnsupportedPattern() }
            value = value * radix + digit
            index += 1
            digits += 1
        }
        guard peek == UInt8(ascii: "}"), digits > 0, value <= 0xFF else { throw UnsupportedPattern() }
        index += 1
        return UInt8(value)
    }

    mutating func skipPropertyName() throws(UnsupportedPattern) {
        if peek == UInt8(ascii: "{") {
            while let next = peek, next != UInt8(ascii: "}") { index += 1 }
            guard peek != nil else { throw UnsupportedPattern() }
            index += 1
        } else {
            guard peek != nil else { throw UnsupportedPattern() }
            index += 1
        }
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }
}
