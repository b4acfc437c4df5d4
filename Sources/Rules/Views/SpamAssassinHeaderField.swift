import MailMessage

/// One header field as SpamAssassin's `get` presents it: `decoded` is unfolded (a fold and the
/// white space after it become one space), trimmed and RFC 2047-decoded — except for the fields
/// SpamAssassin never decodes (Received, Message-ID, Date, References, List-*…); `raw` is the
/// text after the colon with its folding and a final "\n" (CRLF read as LF).
/// Values longer than 8192 bytes are cut, as SpamAssassin cuts them.
struct SpamAssassinHeaderField: Sendable {
    let name: String
    let lowercasedName: String
    private let value: ArraySlice<UInt8>
    /// `MAX_HEADER_VALUE_LENGTH`: longer values are cut.
    static let maxValueLength = 8192

    /// The decoded value worked out at init, for sections whose fields are all read anyway.
    private let decodedAtInit: String?

    /// `decodeNow`: decode once here instead of on each use of `decoded`.
    init(_ field: HeaderField, decodeNow: Bool = false) {
        name = field.name
        let lowercasedName = field.name.lowercased()
        self.lowercasedName = lowercasedName
        let value = field.rawValue.prefix(SpamAssassinHeaderField.maxValueLength)
        self.value = value
        decodedAtInit = decodeNow ? SpamAssassinHeaderField.decodeValue(value, lowercasedName: lowercasedName) : nil
    }

    /// The value after the colon, folding kept, CR dropped, with a final "\n".
    var raw: [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(value.count + 1)
        appendRaw(to: &raw)
        return raw
    }

    /// Appends `raw` to `text`.
    func appendRaw(to text: inout [UInt8]) {
        if value.contains(0x0D) {
            for byte in value where byte != 0x0D { text.append(byte) }
        } else {
            text += value
        }
        text.append(0x0A)
    }

    /// Decoded on each use (most fields of a MIME part are never asked for), unless decoded at init.
    var decoded: String {
        decodedAtInit ?? SpamAssassinHeaderField.decodeValue(value, lowercasedName: lowercasedName)
    }

    /// The raw value with each fold joined by one space, as `get_header(name, 1)` gives it.
    var rawUnfolded: [UInt8] {
        let raw = self.raw
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == 0x0A, index + 1 < raw.count, SpamAssassinHeaderField.isSpace(raw[index + 1]) {
                index += 1
                while index < raw.count, SpamAssassinHeaderField.isSpace(raw[index]) { index += 1 }
                result.append(0x20)
                continue
            }
            result.append(raw[index])
            index += 1
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Unfolds, trims and decodes a header value (RFC 2047 unless the field is one SpamAssassin
    /// leaves alone); 8-bit bytes are kept when they are UTF-8, else read as Windows-1252.
    static func decodeValue(_ value: ArraySlice<UInt8>, lowercasedName: String, trim: Bool = true) -> String {
        // A value on one line (most are) has nothing to unfold: trimmed and decoded in place.
        if !value.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            return decodedText(trimmed(value, trim: trim), lowercasedName: lowercasedName)
        }
        // "\n[ \t]+" → " ", trim, drop the remaining line breaks.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte == 0x0D, index + 1 < value.endIndex, value[index + 1] == 0x0A {
                index += 1
                continue
            }
            if byte == 0x0A, index + 1 < value.endIndex, value[index + 1] == 0x20 || value[index + 1] == 0x09 {
                index += 1
                while index < value.endIndex, value[index] == 0x20 || value[index] == 0x09 { index += 1 }
                bytes.append(0x20)
                continue
            }
            if byte != 0x0A { bytes.append(byte) }
            index += 1
        }
        return decodedText(trimmed(bytes[...], trim: trim), lowercasedName: lowercasedName)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>, trim: Bool) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while trim, start < end, isSpace(bytes[start]) { start += 1 }
        while trim, end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The unfolded, trimmed value as text, RFC 2047-decoded unless the field is never decoded.
    private static func decodedText(_ trimmed: ArraySlice<UInt8>, lowercasedName: String) -> String {
        let text: String
        if trimmed.allSatisfy({ $0 < 0x80 }) {
            text = String(decoding: trimmed, as: UTF8.self)
        } else if let valid = String(validating: trimmed, as: UTF8.self) {
            text = valid
        } else {
            text = CharsetConverter.decode(trimmed, charset: "windows-1252").text
        }
        guard !neverDecoded(lowercasedName), text.utf8.contains(UInt8(ascii: "=")) else { return text }
        return EncodedWordDecoder.decode(text).text
    }

    private static func neverDecoded(_ name: String) -> Bool {
        switch name {
        case "received", "message-id", "resent-message-id", "date", "resent-date", "mime-version", "references", "in-reply-to": true
        default: name.utf8.starts(with: "list-".utf8)
        }
    }
}
