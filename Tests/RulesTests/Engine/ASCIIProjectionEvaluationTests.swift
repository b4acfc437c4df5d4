import MailMessage
import Testing
@testable import Rules

/// Body rules run their ASCII projection on lines without 8-bit bytes and the full regex on the
/// others; hits must be those of the full regex everywhere.
@Suite struct ASCIIProjectionEvaluationTests {
    private let rules = """
        replace_tag M (?:[mM\\xcc]|rn|[\\xd0][\\x9c\\xbc]|&\\#(?:77|109);)
        body PAY_ME_FUZZY /pay <M>e\\b/i
        body M_COUNT /<M>\\w/
        tflags M_COUNT multiple
        body EIGHT_BIT /[\\x80-\\xff]{2}/
        replace_rules PAY_ME_FUZZY M_COUNT
        """

    private func evaluate(_ body: String) -> RuleEvaluation {
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        let message = "From: a@example.com\r\nSubject: hi\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
        return RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: Array(message.utf8)))
    }

    @Test func rulesGetProjectionsWhereTheyShrink() throws {
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        let byName = Dictionary(uniqueKeysWithValues: compiled.body.map { (compiled.ruleSet[$0.id].name, $0) })
        let fuzzy = try #require(byName["PAY_ME_FUZZY"])
        let projection = try #require(fuzzy.asciiRegex)
        #expect(projection.patternBytes.count < fuzzy.regex.patternBytes.count)
        let plain = try #require(fuzzy.plainRegex)
        #expect(!plain.patternBytes.contains(UInt8(ascii: "&")))
        #expect(byName["EIGHT_BIT"]?.matchesASCII == false)
        #expect(byName["EIGHT_BIT"]?.matchesPlain == false)
        #expect(byName["EIGHT_BIT"]?.asciiRegex == nil)
    }

    @Test func projectionsThatCoincideShareOneRegex() throws {
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules + "\nbody CAFE /caf\\xc3\\xa9|coffee shop/"))
        let byName = Dictionary(uniqueKeysWithValues: compiled.body.map { (compiled.ruleSet[$0.id].name, $0) })
        let cafe = try #require(byName["CAFE"])
        let ascii = try #require(cafe.asciiRegex)
        #expect(cafe.plainRegex === ascii)
        let fuzzy = try #require(byName["PAY_ME_FUZZY"])
        #expect(fuzzy.plainRegex !== fuzzy.asciiRegex)
    }

    @Test func asciiLookAlikeMatchesOnAnASCIILine() {
        let result = evaluate("Hello,\n\nplease pay rne today.\n")
        #expect(result.match(named: "PAY_ME_FUZZY") != nil)
        #expect(result.match(named: "EIGHT_BIT") == nil)
    }

    @Test func entitySpellingMatchesOnALineWithAnAmpersand() {
        #expect(evaluate("Hello,\n\nplease pay &#109;e today.\n").match(named: "PAY_ME_FUZZY") != nil)
        #expect(evaluate("Hello,\n\nplease pay &#110;e today.\n").match(named: "PAY_ME_FUZZY") == nil)
    }

    @Test func eightBitLookAlikeMatchesOnAnEightBitLine() {
        let result = evaluate("Hello,\n\nplease pay \u{43C}e today.\n")
        #expect(result.match(named: "PAY_ME_FUZZY") != nil)
        #expect(result.match(named: "EIGHT_BIT") != nil)
        #expect(evaluate("Hello,\n\nplease pay \u{43D}e today.\n").match(named: "PAY_ME_FUZZY") == nil)
    }

    @Test func multipleHitsAddUpOverASCIIAndEightBitLines() {
        // "rna", "ma"; "&#77;a"; "\u{41C}a", "Ma": five, on a plain, an ASCII and an 8-bit line.
        let result = evaluate("rna ma\n\nx &#77;a\n\n\u{41C}a Ma\n")
        #expect(result.match(named: "M_COUNT")?.count == 5)
    }
}
