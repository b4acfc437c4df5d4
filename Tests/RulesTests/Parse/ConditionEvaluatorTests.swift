import Testing
@testable import Rules

@Suite struct ConditionEvaluatorTests {
    private let context = ConditionContext(
        version: 4.000001, perlVersion: 5.036, localTestsOnly: false,
        loadedPlugins: ["Mail::SpamAssassin::Plugin::BodyEval", "Mail::SpamAssassin::Plugin::DMARC"],
        features: ["Mail::SpamAssassin::Conf::feature_bug6558_free", "Mail::SpamAssassin::Plugin::BodyEval::has_check_body_length",
                   "Mail::SpamAssassin::Plugin::DKIM::has_arc"])

    private func check(_ text: String) throws -> Bool {
        try ConditionEvaluator.evaluate(text, in: context)
    }

    @Test func versions() throws {
        #expect(try check("(version >= 3.004000)"))
        #expect(try check("version >= 4.000001"))
        #expect(try !check("version > 4.000001"))
        #expect(try !check("(version < 3.003000)"))
        #expect(try check("perl_version >= 5.010000"))
    }

    @Test func pluginsAndFeatures() throws {
        #expect(try check("plugin(Mail::SpamAssassin::Plugin::BodyEval)"))
        #expect(try check("plugin (Mail::SpamAssassin::Plugin::Dmarc)"), "the old name of DMARC")
        #expect(try !check("plugin(Mail::SpamAssassin::Plugin::SPF)"))
        #expect(try check("!plugin(Mail::SpamAssassin::Plugin::SPF)"))
        #expect(try check("can(Mail::SpamAssassin::Conf::feature_bug6558_free)"))
        #expect(try !check("can(Mail::SpamAssassin::Conf::feature_made_up)"))
        #expect(try check("!(can(Mail::SpamAssassin::Conf::feature_made_up))"))
        #expect(try check("can(Mail::SpamAssassin::Plugin::BodyEval::has_check_body_length)"))
        #expect(try !check("can(Mail::SpamAssassin::Plugin::DKIM::has_arc)"), "DKIM is not loaded")
        #expect(try check("has(Mail::SpamAssassin::Conf::feature_bug6558_free)"))
        #expect(try check("plugin(Mail::SpamAssassin::Plugin::BodyEval) && version >= 3.004000"))
        #expect(try check("plugin(Mail::SpamAssassin::Plugin::SPF) || !local_tests_only"))
    }

    @Test(arguments: ["", "version >=", "plugin(", "can(nocolons)", "system('ls')", "version >= 3; die", "$x", "plugin(A::B",
                      String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)])
    func unreadableConditionsThrow(text: String) {
        #expect(throws: ExpressionError.self) { try ConditionEvaluator.evaluate(text, in: context) }
    }
}
