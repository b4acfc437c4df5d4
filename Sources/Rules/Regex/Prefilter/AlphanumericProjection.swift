/// A text's letters and digits alone, every other byte deleted: "V-i_a.g r@a" becomes "Viagra".
/// A regex match is a stretch of the text, so what it leaves is a stretch of the projection;
/// SpamAssassin's obfuscation-tolerant rules (`v[_\W]{0,3}i[_\W]{0,3}a…`) have long literals
/// there even though they have none in the text itself. A `LiteralMatcher` that skips the
/// other bytes scans the projection without building it.
enum AlphanumericProjection {
    /// Whether the projection keeps `byte`: `[A-Za-z0-9]`.
    static func keeps(_ byte: UInt8) -> Bool {
        (byte &- 0x30) < 10 || ((byte | 0x20) &- 0x61) < 26
    }
}
