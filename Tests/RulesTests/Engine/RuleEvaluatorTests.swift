import Foundation
import Filter
import ScanModel
import MailMessage
import Testing
@testable import Rules

@Suite struct RuleEvaluatorTests {
    private func evaluate(_ rules: String, _ message: String, bayes: Double? = nil) -> RuleEvaluation {
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        let bytes = Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        return RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: bytes), bayesProbability: bayes)
    }

    private let plain = """
        From: Alice <alice@example.com>
        To: bob@example.org
        Subject: cheap watches today
        Content-Type: text/plain

        Hello Bob,
        buy cheap watches at http://shop.example.net/offer now.
        cheap cheap cheap

        """

    @Test func headerRulesMatchAndNegate() {
        let rules = """
            header SUBJ_WATCH Subject =~ /watches/i
            score SUBJ_WATCH 1.5
            describe SUBJ_WATCH Subject mentions watches
            header SUBJ_PILLS Subject =~ /pills/
            header NOT_PILLS Subject !~ /pills/
            header FROM_ALICE From:addr =~ /^alice\\@example\\.com$/
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "SUBJ_WATCH")?.score == 1.5)
        #expect(result.match(named: "SUBJ_WATCH")?.description == "Subject mentions watches")
        #expect(result.match(named: "SUBJ_PILLS") == nil)
        #expect(result.match(named: "NOT_PILLS") != nil)
        #expect(result.match(named: "FROM_ALICE") != nil)
    }

    @Test func ifUnsetAndExists() {
        let rules = """
            header NO_REPLYTO Reply-To =~ /^UNSET$/ [if-unset: UNSET]
            header HAS_REPLYTO exists:Reply-To
            header HAS_SUBJECT exists:Subject
            header MISSING_NEG X-Missing !~ /./
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "NO_REPLYTO") != nil)
        #expect(result.match(named: "HAS_REPLYTO") == nil)
        #expect(result.match(named: "HAS_SUBJECT") != nil)
        #expect(result.match(named: "MISSING_NEG") != nil)
        let withReplyTo = evaluate(rules, "Reply-To: x@example.com\n" + plain)
        #expect(withReplyTo.match(named: "NO_REPLYTO") == nil)
        #expect(withReplyTo.match(named: "HAS_REPLYTO") != nil)
    }

    @Test func bodyRawbodyFullAndURIRules() {
        let rules = """
            body BODY_CHEAP /buy cheap/
            body BODY_ABSENT /lottery winner/
            rawbody RAW_HELLO /^Hello Bob,/m
            full FULL_CTYPE /Content-Type: text\\/plain/
            uri URI_SHOP /shop\\.example\\.net/
            uri URI_OTHER /other\\.example/
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "BODY_CHEAP") != nil)
        #expect(result.match(named: "BODY_ABSENT") == nil)
        #expect(result.match(named: "RAW_HELLO") != nil)
        #expect(result.match(named: "FULL_CTYPE") != nil)
        #expect(result.match(named: "URI_SHOP") != nil)
        #expect(result.match(named: "URI_OTHER") == nil)
    }

    @Test func uriViewUsesTheTLDsOfTheRuleFiles() {
        let rules = """
            uri URI_ODD_TLD /shop\\.example\\.zzqx/
            """
        let message = "Subject: x\nContent-Type: text/plain\n\nvisit www.shop.example.zzqx today\n"
        #expect(evaluate(rules, message).match(named: "URI_ODD_TLD") == nil)
        #expect(evaluate("util_rb_tld zzqx\n" + rules, message).match(named: "URI_ODD_TLD") != nil)
    }

    @Test func multipleCountsHitsUpToMaxHits() {
        let rules = """
            body CHEAP_ONCE /cheap/
            body CHEAP_ALL /cheap/
            tflags CHEAP_ALL multiple
            body CHEAP_TWO /cheap/
            tflags CHEAP_TWO multiple maxhits=2
            meta CHEAP_MANY CHEAP_ALL > 4
            meta CHEAP_LOTS CHEAP_ALL > 10
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "CHEAP_ONCE")?.count == 1)
        // Subject line + "buy cheap" + three on the last line.
        #expect(result.match(named: "CHEAP_ALL")?.count == 5)
        #expect(result.match(named: "CHEAP_TWO")?.count == 2)
        #expect(result.match(named: "CHEAP_MANY") != nil)
        #expect(result.match(named: "CHEAP_LOTS") == nil)
    }

    @Test func nosubjectBodyRulesSkipTheSubjectLine() {
        let rules = """
            body WATCH_ANYWHERE /watches today/
            body WATCH_NOSUBJ /watches today/
            tflags WATCH_NOSUBJ nosubject
            body CHEAP_NOSUBJ /cheap/
            tflags CHEAP_NOSUBJ nosubject multiple
            body NONEMPTY_NOSUBJ /\\S/
            tflags NONEMPTY_NOSUBJ nosubject
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "WATCH_ANYWHERE") != nil)
        #expect(result.match(named: "WATCH_NOSUBJ") == nil)
        #expect(result.match(named: "CHEAP_NOSUBJ")?.count == 4)
        #expect(result.match(named: "NONEMPTY_NOSUBJ") != nil)
        let empty = evaluate(rules, "From: a@example.com\nSubject: not empty\nContent-Type: text/plain\n\n\n")
        #expect(empty.match(named: "NONEMPTY_NOSUBJ") == nil)
    }

    @Test func metasReadSubRulesWhichNeverShow() {
        let rules = """
            body __WATCH /watches/
            header __FROM_EXAMPLE From =~ /example\\.com/
            header __SUBJ_PILLS Subject =~ /pills/
            meta WATCH_FROM_EXAMPLE __WATCH && __FROM_EXAMPLE
            score WATCH_FROM_EXAMPLE 2
            meta WATCH_PILLS __WATCH && __SUBJ_PILLS
            meta NO_PILLS !__SUBJ_PILLS
            """
        let result = evaluate(rules, plain)
        #expect(result.match(named: "WATCH_FROM_EXAMPLE")?.score == 2)
        #expect(result.match(named: "WATCH_PILLS") == nil)
        #expect(result.match(named: "NO_PILLS") != nil)
        #expect(result.match(named: "__WATCH") == nil)
        #expect(!result.matches.contains { $0.name.hasPrefix("__") })
    }

    @Test func zeroScoreRulesDoNotRun() {
        let rules = """
            body OFF_RULE /cheap/
            score OFF_RULE 0
            """
        #expect(evaluate(rules, plain).matches.isEmpty)
    }

    @Test func brokenRegexIsReportedAndTheRestLoads() {
        let rules = """
            body GOOD_RULE /cheap/
            body BAD_RULE /(?<=a+)b/
            """
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules, fileName: "broken.cf"))
        let problem = compiled.problems.first { $0.rule == "BAD_RULE" }
        #expect(problem?.file == "broken.cf")
        #expect(problem?.line == 2)
        #expect(compiled.body.count == 1)
        let bytes = Array(plain.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let result = RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: bytes))
        #expect(result.match(named: "GOOD_RULE") != nil)
        #expect(result.match(named: "BAD_RULE") == nil)
    }

    @Test func catastrophicBacktrackingOverMegabyteBodyEnds() {
        let rules = """
            full CATASTROPHIC /(a+)+b/
            rawbody CATASTROPHIC_RAW /(a|aa)+(a|aa)+b/
            body SANE /zzz/
            """
        let line = String(repeating: "a", count: 1500) + "c"
        let bodyText = "zzz\n" + Array(repeating: line, count: 700).joined(separator: "\n")
        let message = "Subject: x\nContent-Type: text/plain\n\n" + bodyText
        #expect(message.utf8.count > 1_000_000)
        let clock = ContinuousClock()
        var result: RuleEvaluation?
        let elapsed = clock.measure { result = evaluate(rules, message) }
        #expect(result?.match(named: "CATASTROPHIC") == nil)
        #expect(result?.match(named: "CATASTROPHIC_RAW") == nil)
        #expect(result?.match(named: "SANE") != nil)
        #expect(result?.limitHits.filter { $0 == "CATASTROPHIC" }.count == 1)
        #expect(elapsed < .seconds(60))
    }

    @Test func checkBayesBandsAndScoreSets() {
        let rules = """
            body BAYES_00 eval:check_bayes('0.00', '0.01')
            body BAYES_50 eval:check_bayes('0.40', '0.60')
            body BAYES_99 eval:check_bayes('0.99', '1.00')
            body BAYES_999 eval:check_bayes('0.999', 'undef')
            score BAYES_50 0 0 0.8 0.8
            score BAYES_99 0 0 3.5 3.5
            score BAYES_00 0 0 -1.9 -1.9
            score BAYES_999 0 0 0.2 0.2
            body CHEAP /cheap/
            score CHEAP 1 1 2 2
            """
        let none = evaluate(rules, plain)
        #expect(none.scoreSet == .local)
        #expect(none.match(named: "CHEAP")?.score == 1)
        #expect(!none.matches.contains { $0.name.hasPrefix("BAYES") })
        let spammy = evaluate(rules, plain, bayes: 0.9995)
        #expect(spammy.scoreSet == .bayes)
        #expect(spammy.match(named: "CHEAP")?.score == 2)
        #expect(spammy.match(named: "BAYES_99")?.score == 3.5)
        #expect(spammy.match(named: "BAYES_999") != nil)
        #expect(spammy.match(named: "BAYES_50") == nil)
        let middle = evaluate(rules, plain, bayes: 0.5)
        #expect(middle.match(named: "BAYES_50") != nil)
        #expect(middle.match(named: "BAYES_99") == nil)
        let low = evaluate(rules, plain, bayes: 0.0)
        #expect(low.match(named: "BAYES_00")?.score == -1.9)
        #expect(evaluate(rules, plain, bayes: 0.4).match(named: "BAYES_50") == nil)
        #expect(evaluate(rules, plain, bayes: 0.6).match(named: "BAYES_50") != nil)
    }

    @Test func analyzerAddsHitsToTheReport() throws {
        let rules = """
            body CHEAP /cheap/
            describe CHEAP Cheap stuff
            score CHEAP 1.25
            """
        let analyzer = RulesAnalyzer(evaluator: RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: rules))))
        var report = ScanReport(traceID: TraceID("test"))
        let bytes = Array(plain.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try analyzer.analyze(MailMessage(parsing: bytes), envelope: Envelope(), report: &report)
        #expect(report.hit(named: "CHEAP") == RuleHit(name: "CHEAP", score: 1.25, description: "Cheap stuff", source: "rules"))
        #expect(analyzer.failureMode == .failOpen)
    }
}
