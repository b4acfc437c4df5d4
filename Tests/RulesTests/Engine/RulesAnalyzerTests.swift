import MailMessage
import ScanModel
import Synchronization
import Testing
@testable import Rules

@Suite struct RulesAnalyzerTests {
    /// `(a+)+b` against runs of "a" followed by "c" and, later on the line, the "b" PCRE2 looks
    /// for first: exponential backtracking, stopped only by the match limit.
    static let rules = """
        body CATASTROPHIC_BODY /(a+)+b/
        body SANE /zzz/
        """

    static func message() -> MailMessage {
        let line = String(repeating: "a", count: 1500) + "c b"
        let text = "Subject: x\r\nContent-Type: text/plain\r\n\r\nzzz\r\n" + Array(repeating: line, count: 4).joined(separator: "\r\n") + "\r\n"
        return MailMessage(parsing: Array(text.utf8))
    }

    @Test func catastrophicBacktrackingRuleIsNotedNotHit() throws {
        let reported = Mutex<[String]>([])
        let analyzer = RulesAnalyzer(evaluator: RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: Self.rules)))) { rule in
            reported.withLock { $0.append(rule) }
        }
        var report = ScanReport(traceID: TraceID("test"))
        try analyzer.analyze(Self.message(), envelope: Envelope(), report: &report)
        #expect(report.hit(named: "CATASTROPHIC_BODY") == nil)
        #expect(report.hit(named: "SANE") != nil)
        #expect(report.notes == [AnalyzerNote(analyzer: "rules", text: "rule CATASTROPHIC_BODY stopped at its regex match or depth limit; counted as no hit")])
        #expect(reported.withLock { $0 } == ["CATASTROPHIC_BODY"])
    }

    @Test func noNotesWhenNoRuleStops() throws {
        let analyzer = RulesAnalyzer(evaluator: RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: "body SANE /zzz/\n"))))
        var report = ScanReport(traceID: TraceID("test"))
        try analyzer.analyze(Self.message(), envelope: Envelope(), report: &report)
        #expect(report.hit(named: "SANE") != nil)
        #expect(report.notes.isEmpty)
    }
}
