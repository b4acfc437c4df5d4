/// Converts bytes in a declared charset to Swift strings. US-ASCII, UTF-8 and ISO-8859-1 (read as
/// Windows-1252) are decoded in Swift; every other charset goes through iconv. Conversion is lossy
/// and total: bytes the charset cannot read become U+FFFD and are reported, never dropped with
/// the text after them.
public enum CharsetConverter {
    public struct Result: Sendable {
        public let text: String
        /// The charset the bytes were read as, canonical lower-case name.
        public let charset: String
        public let defects: [DefectKind]
    }

    /// Decodes `bytes` declared as `charset` (nil: none declared, so sniff).
    ///
    /// Without a usable label the bytes are sniffed: valid UTF-8 is "utf-8", pure ASCII "us-ascii",
    /// anything else "windows-1252". An unknown charset is reported as `.unknownCharset` and sniffed.
    /// Bytes invalid in the charset are reported as `.badCharsetData`; 8-bit bytes declared US-ASCII
    /// are sniffed as well, since their sender meant some other charset.
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> Result {
        let decoding = charset.map(CharsetDecoding.resolve) ?? CharsetDecoding(name: "", method: .sniff)
        return bytes.withUnsafeBufferPointer { decode($0, as: decoding) }
    }

    /// Whether `charset` names a charset this converter reads (itself or through iconv). Labels
    /// that mean "unknown" (`x-user-defined`, `unknown-8bit`) and empty ones are not known,
    /// although `decode` sniffs them without a defect.
    public static func isKnown(_ charset: String) -> Bool {
        switch CharsetDecoding.resolve(charset).method {
        case .sniff, .unknown: false
        case .ascii, .utf8, .windows1252, .iso2022JP: true
        case .iconv(let name, _): Iconv.knows(name)
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as decoding: CharsetDecoding) -> Result {
        switch decoding.method {
        case .sniff:
            return sniff(bytes, defects: [])
        case .unknown:
            return sniff(bytes, defects: [.unknownCharset])
        case .ascii:
            if firstNonASCII(in: bytes) == nil { return Result(text: ascii(bytes), charset: "us-ascii", defects: []) }
            return sniff(bytes, defects: [.badCharsetData])
        case .utf8:
            return utf8(bytes)
        case .windows1252:
            if firstNonASCII(in: bytes) == nil { return Result(text: ascii(bytes), charset: decoding.name, defects: []) }
            if let bom = utf8AfterByteOrderMark(bytes) { return bom }
            return Result(text: Windows1252.decode(bytes), charset: decoding.name, defects: [])
        case .iso2022JP:
            if isPlainASCII(bytes) { return Result(text: ascii(bytes), charset: decoding.name, defects: []) }
            let shiftJIS = ISO2022JP.shiftJIS(bytes)
            return shiftJIS.withUnsafeBufferPointer { converted in
                viaIconv(converted, name: "CP932", canonical: decoding.name)
            }
        case .iconv(let name, let asciiCompatible):
            if asciiCompatible, isPlainASCII(bytes) { return Result(text: ascii(bytes), charset: decoding.name, defects: []) }
            return viaIconv(bytes, name: name, canonical: decoding.name)
        }
    }

    /// GBK's euro sign, which GB18030 moved elsewhere; browsers still read 0x80 so.
    private static let gbkEuro: [UInt8: [UInt8]] = [0x80: [0xE2, 0x82, 0xAC]]

    private static func viaIconv(_ bytes: UnsafeBufferPointer<UInt8>, name: String, canonical: String) -> Result {
        let substitutes = name == "GB18030" ? gbkEuro : [:]
        guard let converted = Iconv.decode(bytes, from: name, substitutes: substitutes) else { return sniff(bytes, defects: [.unknownCharset]) }
        return Result(text: converted.text, charset: canonical, defects: converted.hadInvalidBytes ? [.badCharsetData] : [])
    }

    /// UTF-8 if valid, else US-ASCII if 7-bit, else Windows-1252, which reads any byte.
    private static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, defects: [DefectKind]) -> Result {
        guard firstNonASCII(in: bytes) != nil else { return Result(text: ascii(bytes), charset: "us-ascii", defects: defects) }
        if let bom = utf8AfterByteOrderMark(bytes) { return Result(text: bom.text, charset: bom.charset, defects: defects) }
        if let text = validUTF8(bytes) { return Result(text: text, charset: "utf-8", defects: defects) }
        return Result(text: Windows1252.decode(bytes), charset: "windows-1252", defects: defects)
    }

    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var bytes = bytes
        if hasByteOrderMark(bytes) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
        if let text = validUTF8(bytes) { return Result(text: text, charset: "utf-8", defects: []) }
        // The standard library replaces each maximal invalid sequence with U+FFFD, as browsers do.
        return Result(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8", defects: [.badCharsetData])
    }

    /// A UTF-8 byte order mark overrides a single-byte label, as in browsers, when the rest is valid.
    private static func utf8AfterByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        guard hasByteOrderMark(bytes) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[3...])
        guard let text = String(validating: rest, as: UTF8.self) else { return nil }
        return Result(text: text, charset: "utf-8", defects: [])
    }

    private static func hasByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The bytes as a string when they are valid UTF-8.
    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Bytes already known to be valid UTF-8 (or ASCII) as a string.
    @inline(__always)
    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// 7-bit and free of the shift and escape bytes that switch stateful charsets (ISO-2022-*) away
    /// from ASCII.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard firstNonASCII(in: bytes) == nil else { return false }
        return !bytes.contains { $0 == 0x1B || $0 == 0x0E || $0 == 0x0F }
    }

    /// The offset of the first byte with the high bit set, or nil; eight bytes at a time.
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var at = 0
        let raw = UnsafeRawPointer(base)
        while at + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            at += 8
        }
        while at < count {
            if base[at] >= 0x80 { return at }
            at += 1
        }
        return nil
    }
}
