import Testing
@testable import Rules

/// The byte-keyed name tables must find exactly the names a Set of Strings holds, in any case.
@Suite struct HTMLNameTableTests {
    @Test func tagTraitsByBytesAgreeWithTheScannersSets() {
        var generator = SystemRandomNumberGenerator()
        let known = HTMLTagTraits.knownNames
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:".utf8)
        var samples = known + ["", "o:p", "st1:place", "x:p", "fontx", "fon", "blockquotes", "x-sigsepx", String(repeating: "a", count: 17)]
        for _ in 0..<300 {
            if Bool.random(using: &generator) {
                // a known name in random case, sometimes cut or extended by one byte
                var bytes = Array(known.randomElement(using: &generator)!.utf8).map { Bool.random(using: &generator) ? ASCII.upper($0) : $0 }
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.removeLast()
                case 1: bytes.append(alphabet.randomElement(using: &generator)!)
                default: break
                }
                samples.append(String(decoding: bytes, as: UTF8.self))
            } else {
                samples.append(String(decoding: (0..<Int.random(in: 1...18, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
            }
        }
        for sample in samples {
            let lowered = HTMLTagReader.lowercasedString(Array(sample.utf8)[...])
            let traits = HTMLTagTraits.of(bytes: Array(sample.utf8)[...], name: lowered)
            let expected = HTMLTagTraits(lowered)
            #expect(traits.id == (known.firstIndex(of: lowered) ?? -1), "\(sample)")
            #expect(traits.countsAsElement == expected.countsAsElement && traits.isRendered == expected.isRendered, "\(sample)")
            #expect(traits.isTextStyle == expected.isTextStyle && traits.isLiteral == expected.isLiteral, "\(sample)")
            #expect(traits.breakText == expected.breakText && traits.counter == expected.counter && traits.role == expected.role, "\(sample)")
        }
    }

    @Test func attributeNamesAreFoundInAnyCaseAndOnlyThem() {
        for name in HTMLAttributeName.allCases {
            #expect(HTMLAttributeName.of(Array(name.rawValue.uppercased().utf8)[...]) == name)
            #expect(HTMLAttributeName.of(Array((name.rawValue + "x").utf8)[...]) == nil)
            #expect(HTMLAttributeName.of(Array(name.rawValue.utf8.dropLast())[...]) == nil)
        }
        #expect(HTMLAttributeName.of(Array("http-equiv".utf8)[...]) == .httpEquiv)
        #expect(HTMLAttributeName.of([0x66, 0x61, 0x63, 0xC3, 0xA9][...]) == nil)
    }
}
