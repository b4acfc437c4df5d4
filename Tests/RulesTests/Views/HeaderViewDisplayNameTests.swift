import Testing
@testable import Rules

/// The byte-level `:name` clean-up must give what the `Character` clean-up gives on ASCII names
/// (white-space runs, "\r\n", enclosing single quotes, all-blank names), and leave other names to it.
@Suite struct HeaderViewDisplayNameTests {
    /// The `Character` clean-up `HeaderView.addressValues` applies to names that are not ASCII.
    private static func byCharacters(_ decoded: String) -> [UInt8] {
        guard decoded.contains(where: { !$0.isWhitespace }) else { return Array(decoded.utf8) }
        var name = decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
        return Array(name.utf8)
    }

    @Test func asciiNamesAgreeWithTheCharacterCleanUp() {
        let pieces = ["a", "Bob", "'", "''", " ", "  ", "\t", "\r\n", "\n", "\r", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}", "x'y", "\"", "."]
        var generator = SplitMix(seed: 0xD15A)
        var quoted = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<generator.next(below: 7) { text += pieces[generator.next(below: pieces.count)] }
            let expected = Self.byCharacters(text)
            #expect(HeaderView.asciiDisplayName(text) == expected, "\(text.debugDescription)")
            if text.contains("'") { quoted += 1 }
        }
        #expect(quoted > 30)
    }

    @Test func namesBeyondASCIIAreLeftToTheCharacterCleanUp() {
        #expect(HeaderView.asciiDisplayName("Jos\u{E9} Garc\u{ED}a") == nil)
        #expect(HeaderView.asciiDisplayName("a\u{A0}b") == nil)
        #expect(HeaderView.asciiDisplayName(" 'Ann  Lee' ") == Array("Ann Lee".utf8))
        #expect(HeaderView.asciiDisplayName(" \r\n ") == Array(" \r\n ".utf8))
    }
}
