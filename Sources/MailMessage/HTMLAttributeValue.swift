/// Attribute values as browsers read them: character references decoded (with the attribute
/// rules of `HTMLEntities`), and for links white space trimmed and tabs and line breaks removed.
enum HTMLAttributeValue {
    /// Calls `body` with the decoded value: the source bytes themselves when there is no `&`.
    @inline(__always)
    static func with<Result>(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if !raw.contains(UInt8(ascii: "&")) { return body(raw) }
        return decoded(raw).withUnsafeBufferPointer(body)
    }

    /// The value with its character references decoded.
    static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = raw.baseAddress, raw.contains(UInt8(ascii: "&")) else { return Array(raw) }
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = base[position]
            if byte == UInt8(ascii: "&"), let match = HTMLEntities.match(base, from: position + 1, end: raw.count, inAttribute: true) {
                let (packed, count) = HTMLScanner.utf8(match.scalar)
                for index in 0..<count { result.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(index)))) }
                position = match.end
            } else {
                result.append(byte)
                position += 1
            }
        }
        return result
    }

    /// A link value: references decoded, white space at the ends trimmed, tabs and line breaks
    /// inside removed. Nil when empty.
    static func link(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        let trimmed = ASCIIBytes.trimmed(raw)
        guard !trimmed.isEmpty else { return nil }
        if !trimmed.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return String(decoding: trimmed, as: UTF8.self)
        }
        var bytes = decoded(trimmed)
        bytes.removeAll(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        let clean = bytes.withUnsafeBufferPointer { Array(ASCIIBytes.trimmed($0)) }
        return clean.isEmpty ? nil : String(decoding: clean, as: UTF8.self)
    }
}
