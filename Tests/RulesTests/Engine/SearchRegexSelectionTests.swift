import Testing
@testable import Rules

/// What a pattern rule runs on a text of each kind: the rewrite without its optional start for a
/// rule that only asks whether it matches, its projections on ASCII texts, nothing where it
/// cannot match.
@Suite struct SearchRegexSelectionTests {
    private let rules = """
        body FORM_FIELD /(?:your\\s)?(?:full\\s)?name:/i
        body FORM_FIELDS /(?:your\\s)?name:/i
        tflags FORM_FIELDS multiple
        body EIGHT_BIT /(?:x\\s)?[\\x80-\\xff]{2}/
        """

    private func rule(_ name: String) throws -> CompiledPatternRule {
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        return try #require(compiled.body.first { compiled.ruleSet[$0.id].name == name })
    }

    @Test func anExistenceRuleRunsItsRewriteOnEveryKindOfText() throws {
        let field = try rule("FORM_FIELD")
        let rewritten = try #require(LeadingOptionalRewrite.rewrite(field.regex.literalSource, options: field.regex.options))
        for kind in [TextKind.plain, .ascii, .eightBit] {
            let chosen = try #require(field.searchRegex(for: kind))
            #expect(chosen.literalSource == rewritten)
            #expect(chosen.literalSource != field.regex.literalSource)
        }
    }

    @Test func aMultipleRuleKeepsItsPatternSoMatchesAreCountedWhereTheyStart() throws {
        let fields = try rule("FORM_FIELDS")
        #expect(try #require(fields.searchRegex(for: .eightBit)).literalSource == fields.regex.literalSource)
    }

    @Test func aRuleThatNeedsEightBitBytesRunsOnNoASCIIText() throws {
        let eightBit = try rule("EIGHT_BIT")
        #expect(eightBit.searchRegex(for: .ascii) == nil)
        #expect(eightBit.searchRegex(for: .plain) == nil)
        #expect(eightBit.searchRegex(for: .eightBit) != nil)
    }
}
