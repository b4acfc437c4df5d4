import Testing
@testable import Rules

@Suite struct HTMLSourcePreparationTests {
    /// The preparation byte by byte, every byte appended on its own (self-closing tags read by
    /// `prepare`'s own `selfClosingEnd`): what `prepare`, which copies the text between
    /// replacements whole, must equal.
    private func referencePrepared(_ source: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        let nbsp = Array("&nbsp;".utf8)
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "&"), source[index...].starts(with: nbsp) {
                output.append(0x20)
                index += nbsp.count
            } else if byte == 0xE2, index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] == 0x9C || source[index + 2] == 0x9D {
                output.append(UInt8(ascii: "\""))
                index += 3
            } else if byte == UInt8(ascii: "<"), let close = HTMLSourcePreparation.selfClosingEnd(source, from: index) {
                output += source[index..<close.nameEnd]
                output.append(UInt8(ascii: ">"))
                index = close.tagEnd
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    @Test func preparedSourceReplacesSpacesQuotesAndSelfClosingTags() {
        let source = Array("a&nbsp;b \u{201C}q\u{201D} <br/><hr />&amp;<p>".utf8)
        #expect(HTMLSourcePreparation.prepare(source) == Array("a b \"q\" <br><hr>&amp;<p>".utf8))
    }

    @Test func copiedPlainRunsGiveTheByteByByteResult() {
        let pieces = ["a", "xyz", " ", "\n", "&", "&nbsp;", "&nbsp", "&amp;", "<", ">", "/", "/>", "<br/>", "<br />", "<br", "<p>",
                      "\u{201C}", "\u{201D}", "\u{2019}", "\u{E9}", "\u{E2}", "nbsp;"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces + pieces.flatMap { first in pieces.map { first + $0 } }
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var sources = texts.map { Array($0.utf8) }
        // a curly quote's lead byte cut off at the end, and alone
        sources += [[0xE2], [0xE2, 0x80], [0x61, 0xE2, 0x80], [0xE2, 0x80, 0x9C]]
        for source in sources {
            #expect(HTMLSourcePreparation.prepare(source) == referencePrepared(source), "\(String(decoding: source, as: UTF8.self))")
        }
    }
}
