import Testing
@testable import Rules

@Suite struct HTMLTagTraitsTests {
    static let names = ["a", "p", "br", "div", "td", "title", "script", "style", "xmp", "plaintext", "embed", "listing", "bgsound",
                        "body", "font", "marquee", "span", "textarea", "h1", "blockquote", "o:p", "st1:place", "st1:place/", "o:",
                        "x:p", "st12:x", "st1:", "blink", "foo.bar", "a-b", "", "x-sigsep", "nobr"]

    /// The traits looked up once must say what the scanner's sets and name tests say.
    @Test func traitsAgreeWithTheScannersSets() {
        for name in Self.names {
            let traits = HTMLTagTraits.of(name)
            let namespaced = HTMLStatisticsScanner.isNamespaced(name)
            let element = HTMLStatisticsScanner.elements.contains(name)
            #expect(traits.countsAsElement == (element || namespaced), "\(name)")
            #expect(traits.isRendered == (!namespaced && (element || HTMLStatisticsScanner.tricks.contains(name))), "\(name)")
            #expect(traits.isTextStyle == HTMLStatisticsScanner.textStyleElements.contains(name), "\(name)")
            #expect(traits.isLiteral == HTMLStatisticsScanner.literalElements.contains(name), "\(name)")
        }
        #expect(HTMLTagTraits.of("br").breakText == [0x0A])
        #expect(HTMLTagTraits.of("td").breakText == [0x20])
        #expect(HTMLTagTraits.of("title").breakText == [0x0A, 0x0A])
        #expect(HTMLTagTraits.of("span").breakText == nil)
        #expect(HTMLTagTraits.of("a").counter == .anchor && HTMLTagTraits.of("script").counter == .script)
        #expect(HTMLStatisticsScanner.isNamespaced("o:p") && HTMLStatisticsScanner.isNamespaced("st1:place") && !HTMLStatisticsScanner.isNamespaced("x:p"))
    }

    @Test func lowercasedNamesAsTheArrayRoundTripMadeThem() {
        let samples: [[UInt8]] = [Array("FONT".utf8), Array("Data-X".utf8), [], Array("a".utf8), [0x41, 0xC3, 0x89, 0x5A], [0x42, 0xFF, 0x43],
                                  Array("VeryLongAttributeNameBeyondFifteenBytes".utf8), Array("@[\\]^`{".utf8)]
        for bytes in samples {
            #expect(HTMLTagReader.lowercasedString(bytes[...]) == ASCII.string(ASCII.lowercased(bytes)), "\(bytes)")
        }
    }
}
