import Testing
@testable import Rules

/// Perl on a byte string never matches a character above 255; the rewritten patterns must not
/// either, and must otherwise match as before.
@Suite struct WideCodePointsTests {
    private func rewritten(_ pattern: String) -> String? {
        WideCodePoints.rewrite(Array(pattern.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func rewritesOnlyWhatIsNeeded() {
        #expect(rewritten("plain \\x41 [a-z]") == nil)
        #expect(rewritten("a\\x{263a}b") == "a(?!)b")
        #expect(rewritten("[i\\x{0456}]t") == "[i]t")
        #expect(rewritten("[\\x{400}-\\x{4ff}a]") == "[a]")
        #expect(rewritten("[a-\\x{456}]") == "[a-\\xff]")
        #expect(rewritten("[\\x{456}]x") == "(?!)x")
        #expect(rewritten("[^\\x{456}]x") == "[\\x00-\\xff]x")
        #expect(rewritten("\\\\x{456}") == nil)
        #expect(rewritten("\\Q\\x{456}\\E") == nil)
    }

    @Test func stockBitcoinObfuscationRuleCompilesAndMatchesAsPerlDoes() throws {
        let regex = try CompiledRegex("\\bb(?!itcoin)[i\\x{0456}]t[c\\x{0441}][o\\x{043E}][i\\x{0456}]n\\b", options: .caseless)
        #expect(regex.patternBytes != Array("\\bb(?!itcoin)[i\\x{0456}]t[c\\x{0441}][o\\x{043E}][i\\x{0456}]n\\b".utf8))
        #expect(regex.firstMatch(in: Array("send bitcoin now".utf8)) == .noMatch)
        // Cyrillic "і" is two bytes in UTF-8: a byte-wise class never matches it.
        #expect(regex.firstMatch(in: Array("send b\u{456}tcoin now".utf8)) == .noMatch)
    }

    @Test func patternsThatStillFailReportTheOriginalError() {
        do {
            _ = try CompiledRegex("\\x{456}(")
            Issue.record("compiled")
        } catch {
            #expect(error.message.contains("too large"))
        }
    }
}
