import MailMessage
import Testing
@testable import Rules

/// Stock rules such as __FILL_THIS_FORM_LONG1 expand (through replace tags) into nested bounded
/// repeats that PCRE2 refuses as "too large"; those rules never hit and the FILL_THIS_FORM metas
/// disagreed with SpamAssassin on the corpus.
@Suite struct RegexRepeatFoldingTests {
    /// About 100 KiB compiled when each repeat is copied out, as PCRE2 does.
    static let bigPattern = #"(?:(?:[a-c]x|d[e-g]{2}|hij|klm|nop){1,200}z\s?){12}end"#

    @Test func aPatternTooLargeForPCRE2CompilesOnceFolded() throws {
        #expect(throws: RegexCompileError.self) { try CompiledRegex(Self.bigPattern) }
        let folded = try #require(RegexRepeatFolding.fold(Array(Self.bigPattern.utf8)))
        let regex = try CompiledRegex(bytes: folded)
        let matching = Array(String(repeating: "axdeehijz ", count: 12).utf8) + Array("end".utf8)
        #expect(regex.firstMatch(in: matching).isMatch)
        // Eleven repetitions are one too few.
        let short = Array(String(repeating: "axdeehijz ", count: 11).utf8) + Array("end".utf8)
        #expect(!regex.firstMatch(in: short).isMatch)
        // From the start, more than 200 pieces in one repetition are too many for the inner repeat.
        let anchored = try CompiledRegex(bytes: try #require(RegexRepeatFolding.fold(Array(("^" + Self.bigPattern).utf8))))
        let piecesThenRest = { (pieces: Int) in Array((String(repeating: "ax", count: pieces) + "z " + String(repeating: "axz ", count: 11) + "end").utf8) }
        #expect(anchored.firstMatch(in: piecesThenRest(200)).isMatch)
        #expect(!anchored.firstMatch(in: piecesThenRest(201)).isMatch)
    }

    @Test func foldingKeepsWhatSmallOrSpecialGroupsMatch() throws {
        #expect(RegexRepeatFolding.fold(Array("(?:ab){2}c".utf8)) == nil)
        // Back-references would be renumbered by the added named groups: left alone.
        #expect(RegexRepeatFolding.fold(Array(#"(a)\1(?:[a-c]x|d[e-g]{2}|hij|klm|nop){1,200}"#.utf8)) == nil)
        let lazy = try #require(RegexRepeatFolding.fold(Array(#"(?<=q)(?:(?:[a-c]x|d[e-g]|hij|klm|nop)\w{1,3}){0,100}?r"#.utf8)))
        let text = String(decoding: lazy, as: UTF8.self)
        #expect(text.hasPrefix("(?<=q)(?:(?<sw_fold_1>"))
        #expect(text.hasSuffix("(?&sw_fold_1){0,99}?)??r"))
        let regex = try CompiledRegex(bytes: lazy)
        #expect(regex.firstMatch(in: Array("qaxbbr".utf8)).isMatch)
        #expect(regex.firstMatch(in: Array("qr".utf8)).isMatch)
    }

    @Test func stockRuleThatWasTooLargeNowRuns() {
        let rules = "body BIG /" + Self.bigPattern + "/\nscore BIG 1\n"
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        #expect(compiled.problems.isEmpty)
        let message = "Subject: x\n\n" + String(repeating: "axdeehijz ", count: 12) + "end\n"
        #expect(RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: Array(message.utf8))).match(named: "BIG") != nil)
    }
}
