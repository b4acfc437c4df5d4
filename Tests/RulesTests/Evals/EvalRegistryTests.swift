import Testing
@testable import Rules

@Suite struct EvalRegistryTests {
    @Test func unsupportedFunctionsAreListedWithReasons() {
        let compiled = EvalHarness.compiled("""
            header TEST eval:check_rbl('x', 'zen.example.')
            header NETDKIM eval:check_dkim_valid()
            score NETDKIM 1
            body UNKNOWNFN eval:no_such_function()
            score UNKNOWNFN 1
            """)
        let byRule = Dictionary(uniqueKeysWithValues: compiled.unsupportedRules.map { ($0.rule, $0) })
        #expect(byRule["TEST"]?.function == "check_rbl")
        #expect(byRule["TEST"]?.reason.contains("network") == true)
        #expect(byRule["NETDKIM"]?.reason.contains("DKIM") == true)
        #expect(byRule["UNKNOWNFN"]?.reason == "no_such_function: eval function not implemented")
    }

    @Test func unsupportedRulesAreFalseInMetas() {
        let rules = """
            body NOPE eval:no_such_function()
            score NOPE 1
            body HTML eval:html_test('html')
            score HTML 0.1
            meta TEST HTML && !NOPE
            """
        #expect(EvalHarness.hits(rules, EvalHarness.html("<p>x</p>\n")))
    }

    @Test func supportedFunctionsCompile() {
        let compiled = EvalHarness.compiled("body TEST eval:html_range('max_size', '6', 'inf')")
        #expect(compiled.unsupportedRules.isEmpty)
        #expect(compiled.compiledEvals.count == 1)
    }

    @Test func perlNumbers() {
        #expect(PerlNumber.value("0400") == 400)
        #expect(PerlNumber.value(".05") == 0.05)
        #expect(PerlNumber.value(" 12abc") == 12)
        #expect(PerlNumber.value("inf") == .infinity)
        #expect(PerlNumber.value("undef") == 0)
        #expect(PerlNumber.comparison("< 384")?(100) == true)
        #expect(PerlNumber.comparison("!= 0")?(0) == false)
        #expect(PerlNumber.comparison("system('x')") == nil)
    }
}

@Suite struct EvalArgumentAttackTests {
    /// Infinite or absurd numbers in rule files load and run without trapping.
    @Test func infiniteNumbersInSettingsAndArguments() {
        let settings = "freemail_domains gmail.com\nfreemail_max_body_emails inf\nfreemail_max_body_freemails 1e300"
        #expect(EvalHarness.hits("header TEST eval:check_freemail_from()", "From: joe@gmail.com\n\nx\n", settings: settings))
        // fewer lines than an infinite minimum: the ratio is -1, which a minimum of 0 accepts
        #expect(EvalHarness.hits("body TEST eval:check_blank_line_ratio('0','100','inf')", EvalHarness.message(body: "a\n")))
        #expect(!EvalHarness.hits("body TEST eval:check_blank_line_ratio('50','100','nan')", EvalHarness.message(body: "a\nb\n")))
    }
}
