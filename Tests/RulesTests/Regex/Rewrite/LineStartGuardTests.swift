import Testing
@testable import Rules

/// A `LineStartGuard` must leave every match where it was: same starts, same ends, same counts.
@Suite struct LineStartGuardTests {
    private static let leads = ["", "\\s?", "(?>\\s{0,50})", "\\s*+", "\\h{1,3}?", "\\s?(?>\\s{0,5})", "\\d+"]

    /// Multi-line texts of form-like words, blanks and markup.
    static func text(_ generator: inout SplitMix) -> [UInt8] {
        var text: [UInt8] = []
        for _ in 0..<(1 + generator.next(below: 4)) {
            if generator.next(below: 3) == 0 { text += Array(["  ", "\t", " ", "<b>", "12. "][generator.next(below: 5)].utf8) }
            text += StartGuardTests.line(&generator)
            text.append(0x0A)
        }
        return text
    }

    @Test func guardedPatternsMatchWhereTheirOriginalsMatch() throws {
        var generator = SplitMix(seed: 41)
        let allOptions: [RegexOptions] = [.multiline, [.caseless, .multiline], [], .caseless]
        var guarded = 0, compared = 0, matching = 0
        let texts = (0..<24).map { _ in Self.text(&generator) }
        for round in 0..<300 {
            let body = round % 2 == 0 ? StartGuardTests.formPattern(&generator) : LineGateSoundnessTests.pattern(&generator)
            let source = "^" + Self.leads[generator.next(below: Self.leads.count)] + body
            let options = allOptions[generator.next(below: allOptions.count)]
            guard let original = try? CompiledRegex(source, options: options),
                  let bytes = LineStartGuard.guarded(Array(source.utf8), options: options, onlyWhenWorthIt: false) else { continue }
            let rewrite = try #require(try? CompiledRegex(bytes: bytes, options: options), "/\(source)/ -> \(String(decoding: bytes, as: UTF8.self))")
            #expect(rewrite.captureCount == original.captureCount)
            guarded += 1
            for text in texts {
                let expected = original.matches(in: text, maxHits: 5)
                if !expected.ranges.isEmpty { matching += 1 }
                compared += 1
                #expect(rewrite.matches(in: text, maxHits: 5).ranges == expected.ranges, "/\(source)/ on \(String(decoding: text, as: UTF8.self))")
            }
        }
        #expect(guarded > 100)
        #expect(matching > compared / 20)
    }

    @Test func guardGoesAfterTheBlankSkippingItems() throws {
        let pattern = "^(?>\\s{0,50})(?:name|nation|age|city|country|state|sex|phone|fax|email)\\s*:"
        let bytes = try #require(LineStartGuard.guarded(Array(pattern.utf8), options: .multiline))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("^(?>\\s{0,50})(?=(?:"))
        #expect(text.hasSuffix(")(?:name|nation|age|city|country|state|sex|phone|fax|email)\\s*:"))
    }

    @Test func patternsThatCannotGainKeepTheirForm() {
        let words = "(?:name|age|city|country|state|sex|phone|fax|email)"
        #expect(LineStartGuard.guarded(Array(words.utf8)) == nil)  // not anchored: StartGuard's case
        #expect(LineStartGuard.guarded(Array(("^\\s?" + words).utf8), options: .extended) == nil)
        #expect(LineStartGuard.guarded(Array("^\\s*(?:a|b)".utf8)) == nil)  // passes too much
        #expect(LineStartGuard.guarded(Array(("^\\s?(?x)" + words).utf8)) == nil)
        #expect(LineStartGuard.guarded(Array(("^\\s{0,5}{2}" + words).utf8)) == nil)  // a quantifier would bind back
        #expect(LineStartGuard.leadItemLength(Array("\\s{,5}".utf8), at: 0) == nil)
        #expect(LineStartGuard.leadItemLength(Array("(?>\\s{0,50})x".utf8), at: 0) == 12)
        #expect(LineStartGuard.leadItemLength(Array("\\s?+x".utf8), at: 0) == 4)
    }
}
