/// Byte and scalar tests for the tokenizer, which works on UTF-8 bytes, not on `Character`s.
enum ByteClass {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// The scalar starting at `index` and its length in bytes; nil for a malformed sequence.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF5: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Scripts written without spaces between words, tokenized as overlapping character pairs.
    static func denseScript(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x3040...0x309F: return "hiragana"
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return "katakana"
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return "han"
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return "hangul"
        case 0x0E00...0x0E7F: return "thai"
        case 0x0E80...0x0EFF: return "lao"
        case 0x1780...0x17FF: return "khmer"
        case 0x1000...0x109F: return "myanmar"
        default: return nil
        }
    }

    /// Letters and combining marks of the scripts that separate words with spaces.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// A coarse script name for a letter, for the once-per-message script tokens.
    static func scriptName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0080...0x024F, 0x1E00...0x1EFF: return "latin"
        case 0x0370...0x03FF: return "greek"
        case 0x0400...0x052F: return "cyrillic"
        case 0x0590...0x05FF: return "hebrew"
        case 0x0600...0x06FF, 0x0750...0x077F: return "arabic"
        case 0x0900...0x0DFF: return "indic"
        default: return "other"
        }
    }
}
