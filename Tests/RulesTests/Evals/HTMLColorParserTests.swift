import Testing
@testable import Rules

/// The byte shortcut of the colour parser gives what the general steps give, wherever it answers.
@Suite struct HTMLColorParserTests {
    static let pieces = [
        "#", "##", "a", "F", "0", "9", "g", "G", "red", "Red", "WHITE", "navy", "notacolor", "rgb(", ")", ",", "%", "10", "255",
        " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{E9}", "\u{212A}", "\u{FFFD}", "-", ".",
    ]

    @Test func quickReadingAgreesWithTheGeneralSteps() {
        var random = SplitMix(seed: 99)
        var answered = 0
        var texts = (0..<500).map { _ in (0..<(1 + random.next(below: 6))).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }.joined() }
        texts += ["#abcdef", " #ABCDEF ", "#abc", "#AbC", "#abcd", "#abcdefa", "black", " Black\t", "blackx", "", "  ", "#", "#ggg"]
        for text in texts {
            guard let quick = HTMLColorParser.quickRGB(text) else { continue }
            answered += 1
            #expect(quick == HTMLColorParser.parsedRGB(text), "\(text.debugDescription)")
        }
        #expect(answered > 30)
        #expect(HTMLColorParser.rgb(" #ABC") == "#aabbcc")
        #expect(HTMLColorParser.rgb("Navy") == "#000080")
        #expect(HTMLColorParser.rgb("blackx") == "invalid")
    }
}
