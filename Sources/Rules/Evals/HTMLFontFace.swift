/// The `<font face>` values SpamAssassin finds plausible: font names (letters, spaces, dashes,
/// an optional digit, optionally quoted), comma-separated.
enum HTMLFontFace {
    private static let plausible = try! CompiledRegex(
        #"^\s*["'.]?[a-z ][a-z -]*[a-z]\d?["']?(?:,\s*["']?[a-z][a-z -]*[a-z]\d?["']?)*;?$"#, options: .caseless)

    static func isPlausible(_ face: [UInt8]) -> Bool {
        plausible.firstMatch(in: face).isMatch
    }
}
