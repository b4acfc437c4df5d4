/// Converts bytes in a declared charset to Swift strings. (Minimal version; being completed.)
public enum CharsetConverter {
    public struct Result: Sendable {
        public let text: String
        /// The charset the bytes were read as, canonical lower-case name.
        public let charset: String
        public let defects: [DefectKind]
    }

    /// Decodes `bytes` declared as `charset` (nil: none declared, so sniff).
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> Result {
        Result(text: HeaderText.string(bytes), charset: charset?.lowercased() ?? "us-ascii", defects: [])
    }
}
