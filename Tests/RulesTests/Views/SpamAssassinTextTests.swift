import Testing
@testable import Rules

@Suite struct SpamAssassinTextTests {
    private func normalized(_ text: String) -> String {
        var output: [UInt8] = []
        SpamAssassinText.normalizeWhitespace(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func whiteSpaceRunsAsPerlCollapsesThem() {
        #expect(normalized("a  b\tc\nd") == "a b c d")
        #expect(normalized("a\n\nb") == "a\nb")
        #expect(normalized("a \n \n b") == "a \n b")
        #expect(normalized("a\n \n\n") == "a\n")
        #expect(normalized("x\u{A0}y\u{3000}z\u{2009}w\u{85}v") == "x y z w v")
        #expect(normalized("nul\u{0}here") == "nul\nhere")
        #expect(normalized("zero\u{200B}width") == "zero\u{200B}width")
        #expect(normalized("") == "")
    }

    @Test func longLinesAreCutAfterASpace() {
        let line = Array((String(repeating: "abcd ", count: 500) + "\n").utf8)  // 2501 bytes
        let pieces = SpamAssassinText.shortLines(line)
        #expect(pieces.count == 2)
        #expect(pieces[0].count == 2045 && pieces[0].last == 0x20)
        #expect(pieces.joined().elementsEqual(line))
        let solid = [UInt8](repeating: 0x78, count: 5000)
        #expect(SpamAssassinText.shortLines(solid).map(\.count) == [2048, 2048, 904])
        #expect(SpamAssassinText.shortLines(Array("a\nb\n\nc".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["a\n", "b\n", "\n", "c"])
    }

    @Test func paragraphsArePiecesOfTwoToFourKilobytes() {
        #expect(SpamAssassinText.shortParagraphs(Array("short".utf8)[...]).count == 1)
        var text = [UInt8](repeating: 0x61, count: 10_000)
        text[3000] = 0x0A
        text[6000] = UInt8(ascii: ">")
        let pieces = SpamAssassinText.shortParagraphs(text[...])
        #expect(pieces.map(\.count) == [3001, 3000, 3999])
        #expect(pieces.joined().elementsEqual(text))
    }

    @Test func scanSizeCutsNearALineBreak() {
        var text = [UInt8](repeating: 0x61, count: 3000)
        text[1500] = 0x0A
        SpamAssassinText.truncate(&text, at: 1000, fallbacks: [0x20])
        #expect(text.count == 1501)
        var solid = [UInt8](repeating: 0x61, count: 5000)
        SpamAssassinText.truncate(&solid, at: 1000, fallbacks: [0x20])
        #expect(solid.count == 1000)
    }

    /// The normalisation written scalar by scalar, as the byte-level version's reference.
    private func referenceNormalized(_ text: String) -> String {
        var output = ""
        var inRun = false, spaceBeforeBreak = false, lineBreaks = 0, spaceAfterBreak = false
        func endRun() {
            if lineBreaks >= 2 {
                output += (spaceBeforeBreak ? " " : "") + "\n" + (spaceAfterBreak ? " " : "")
            } else {
                output += " "
            }
            inRun = false
            spaceBeforeBreak = false
            lineBreaks = 0
            spaceAfterBreak = false
        }
        for scalar in text.unicodeScalars {
            if SpamAssassinText.isPerlSpace(scalar) {
                inRun = true
                if scalar == "\n" {
                    lineBreaks += 1
                    spaceAfterBreak = false
                } else if lineBreaks == 0 {
                    spaceBeforeBreak = true
                } else {
                    spaceAfterBreak = true
                }
                continue
            }
            if inRun { endRun() }
            output.unicodeScalars.append(scalar == "\u{0}" ? "\n" : scalar)
        }
        if inRun { endRun() }
        return output
    }

    @Test func plainRunsCopiedWholeGiveTheScalarByScalarResult() {
        let pieces = ["a", "bc", " ", "\t", "\n", "\r\n", "\u{0}", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}", "\u{A0}", "\u{85}",
                      "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}",
                      "\u{E9}", "\u{C2}", "\u{E1}", "\u{1A80}", "\u{2080}", "\u{3080}", "\u{1F600}", "\u{E2}\u{80}"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces + pieces.flatMap { first in pieces.map { first + $0 } }
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(normalized(text) == referenceNormalized(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Counting ASCII bytes in place and decoding only the 8-bit runs between them gives the
    /// count of the whole text decoded as a String, ill-formed sequences included.
    @Test func nonSpaceCountDecodingOnlyEightBitRunsMatchesTheWholeDecoding() {
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x09], [0x0A], [0x0D], [0x0B], [0x00], [0x7F], [0xC2, 0xA0], [0xC2, 0x85],
                                 [0xC3, 0xA9], [0xE1, 0x9A, 0x80], [0xE2, 0x80, 0x8A], [0xE2, 0x80, 0x8B], [0xE2, 0x80, 0xA8],
                                 [0xE2, 0x81, 0x9F], [0xE3, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xC2], [0xE2, 0x80],
                                 [0x80], [0xBF], [0xFF], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
        var generator = SystemRandomNumberGenerator()
        var texts: [[UInt8]] = [[]] + pieces + pieces.flatMap { first in pieces.map { first + $0 } }
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 1...16, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
        }
        for text in texts {
            let whole = text.withUnsafeBufferPointer { SpamAssassinText.decodedNonSpaceCharacterCount($0) }
            #expect(SpamAssassinText.nonSpaceCharacterCount(text) == whole, "\(text)")
        }
        #expect(SpamAssassinText.nonSpaceCharacterCount(Array("ab\u{A0}\u{A0}cd \u{3000}e".utf8)) == 5)
    }
}
