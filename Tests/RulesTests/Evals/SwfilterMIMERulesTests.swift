import Foundation
import MailMessage
import Testing
@testable import Rules

/// rules/60_swfilter_mime.cf: loads cleanly, every rule runs, and defects score.
@Suite struct SwfilterMIMERulesTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../rules/60_swfilter_mime.cf").standardized.path

    @Test func loadsWithoutProblemsAndEveryEvalRuns() throws {
        let ruleSet = RuleLoader().load(path: Self.path)
        #expect(ruleSet.problems.isEmpty, "\(ruleSet.problems)")
        #expect(ruleSet.count >= 25)
        let compiled = CompiledRuleSet(ruleSet)
        #expect(compiled.unsupportedRules.isEmpty, "\(compiled.unsupportedRules)")
        for rule in ruleSet.rules where !rule.isSubRule {
            #expect(rule.description != nil, "\(rule.name) has no describe line")
            #expect((0.1...1.5).contains(rule.scores[.local]), "\(rule.name) score \(rule.scores[.local])")
        }
    }

    @Test func brokenMultipartScores() {
        let message = """
            From: a@example.com
            Subject: x
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="B"

            --B
            Content-Type: text/plain
            Content-Transfer-Encoding: quoted-printable

            broken =ZZ escape
            """
        let compiled = CompiledRuleSet(RuleLoader().load(path: Self.path))
        let evaluation = RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: Array(message.utf8)))
        let names = Set(evaluation.matches.map(\.name))
        #expect(names.contains("SWF_MIME_UNCLOSED_BOUNDARY"))
        #expect(names.contains("SWF_MIME_BAD_QP"))
        #expect(names.contains("SWF_MIME_BROKEN_MULTIPART"))
        let clean = RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: Array(EvalHarness.message(body: "fine\n").utf8)))
        #expect(clean.matches.isEmpty, "\(clean.matches.map(\.name))")
    }
}
