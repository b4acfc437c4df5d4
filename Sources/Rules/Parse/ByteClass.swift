/// ASCII byte tests used by the rule file parsers (Perl's `\w`, `\s`, `\d` in ASCII mode).
enum ByteClass {
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always) static func isLowerLetter(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A
    }

    @inline(__always) static func isUpperLetter(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        isLowerLetter(byte) || isUpperLetter(byte)
    }

    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    /// The text without leading and trailing ASCII whitespace.
    static func trimmingSpaces(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
