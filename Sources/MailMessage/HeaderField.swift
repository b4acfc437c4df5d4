/// One header field as it stands in the message: the raw bytes are kept so an unmodified message
/// re-serialises byte for byte, and the unfolded and RFC 2047-decoded views are derived from them.
public struct HeaderField: Sendable {
    /// The field name as written, without the colon or trailing white space.
    public let name: String
    /// The whole field: name, colon, value, folded continuation lines and the final line break.
    /// Its indices are offsets into the buffer the field was parsed from.
    public let raw: ArraySlice<UInt8>
    /// The bytes after the colon up to, not including, the final line break (folding kept).
    public let rawValue: ArraySlice<UInt8>

    public init(name: String, raw: ArraySlice<UInt8>, rawValue: ArraySlice<UInt8>) {
        self.name = name
        self.raw = raw
        self.rawValue = rawValue
    }

    /// The value with line breaks removed and surrounding white space trimmed; 8-bit bytes are read
    /// as UTF-8 where valid, otherwise as Windows-1252.
    public var unfolded: String { HeaderText.unfold(rawValue) }

    /// The unfolded value with RFC 2047 encoded words decoded.
    public var value: String {
        let text = unfolded
        guard rawValue.contains(UInt8(ascii: "=")) else { return text }
        return EncodedWordDecoder.decode(text).text
    }

    /// Whether the name matches, ignoring ASCII case.
    @inline(__always)
    public func hasName(_ other: String) -> Bool { HeaderText.equalsIgnoringCase(name, other) }
}
