import Testing
@testable import Rules

/// `CompiledRuleSet` builds its rules on every core: the result must not depend on which core
/// finished first.
@Suite struct CompiledRuleSetBuildTests {
    private static let text = """
        body SWF_T_ONE /\\bcheap (?:pills|meds|watches)\\b/i
        score SWF_T_ONE 1
        body SWF_T_TWO /(?:click|tap) here/
        priority SWF_T_TWO -5
        score SWF_T_TWO 1
        rawbody SWF_T_RAW /<font\\s+color=["']?red/i
        score SWF_T_RAW 1
        uri SWF_T_URI /\\.(?:ru|cn)\\b/
        score SWF_T_URI 1
        full SWF_T_FULL /X-Mailer: spammer/
        score SWF_T_FULL 1
        header SWF_T_SUBJ Subject =~ /(?:free|win) (?:money|prize)/i
        score SWF_T_SUBJ 1
        header SWF_T_BADH From =~ /[z-a]/
        score SWF_T_BADH 1
        mimeheader SWF_T_MIME Content-Type =~ /application\\/x-msdownload/
        score SWF_T_MIME 1
        """

    @Test func buildsTheSameEveryTimeInRunOrder() {
        let ruleSet = RuleLoader().load(text: Self.text)
        let first = CompiledRuleSet(ruleSet)
        let dump = first.analysisDump()
        for _ in 0..<5 { #expect(CompiledRuleSet(ruleSet).analysisDump() == dump) }
        let name = { (rule: CompiledPatternRule) in ruleSet[rule.id].name }
        #expect(first.body.map(name) == ["SWF_T_TWO", "SWF_T_ONE"])
        #expect(first.rawBody.map(name) == ["SWF_T_RAW"] && first.uri.map(name) == ["SWF_T_URI"] && first.full.map(name) == ["SWF_T_FULL"])
        #expect(first.header.map(name) == ["SWF_T_SUBJ"] && first.mimeHeader.map(name) == ["SWF_T_MIME"])
        #expect(first.bodyPrefilter.regexCount == 2 && first.rawBodyPrefilter.regexCount == 1)
        // A regex that does not compile is reported at load.
        #expect(first.problems.map(\.rule) == ["SWF_T_BADH"])
        #expect(dump.contains { $0.hasPrefix("body SWF_T_ONE literals {cheap ") })
    }
}
