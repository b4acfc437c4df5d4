import Filter
import ScanModel
import MailMessage
import Testing

@Suite struct PolicyTests {
    private func report(score: Double, viruses: [String] = [], failures: [AnalyzerFailure] = []) -> ScanReport {
        var report = ScanReport(traceID: TraceID("TESTTRACE001"))
        if score != 0 { report.add(RuleHit(name: "TEST_SCORE", score: score, description: "test", source: "test")) }
        report.viruses = viruses.map { VirusFinding(name: $0, part: "2", filename: "x.exe") }
        report.failures = failures
        return report
    }

    @Test func belowRequiredScoreIsAcceptedAsHam() {
        let verdict = Policy().decide(report(score: 4.9), envelope: Envelope())
        #expect(verdict.action == .accept)
        #expect(!verdict.isSpam)
        #expect(verdict.requiredScore == 5.0)
    }

    @Test func atRequiredScoreIsTaggedAsSpamWithTheScoreInTheSubjectTag() {
        let policy = Policy(thresholds: .init(requiredScore: 5, subjectTag: "[SPAM _SCORE_]"))
        let verdict = policy.decide(report(score: 5.04), envelope: Envelope())
        #expect(verdict.action == .tag)
        #expect(verdict.isSpam)
        #expect(verdict.subjectTag == "[SPAM 5.0]")
    }

    @Test func rejectScoreRefusesWithA550AndTheTraceID() throws {
        let policy = Policy(thresholds: .init(requiredScore: 5, rejectScore: 10))
        let verdict = policy.decide(report(score: 12), envelope: Envelope())
        #expect(verdict.action == .reject)
        let refusal = try #require(verdict.refusal)
        #expect(refusal.code == 550)
        #expect(refusal.enhancedCode == "5.7.1")
        #expect(refusal.text.contains("TESTTRACE001"))
        #expect(refusal.text.contains("12.0"))
    }

    @Test func aVirusIsRejectedWhateverTheScore() throws {
        let verdict = Policy().decide(report(score: 0, viruses: ["Eicar-Signature"]), envelope: Envelope())
        #expect(verdict.action == .reject)
        #expect(try #require(verdict.refusal).text.contains("Eicar-Signature"))
        #expect(try #require(verdict.refusal).code == 554)
    }

    @Test func aFailClosedAnalyzerTempfailsAndAFailOpenOneDoesNot() throws {
        let closed = AnalyzerFailure(analyzer: "clamav", reason: "connection refused", mode: .failClosed)
        let open = AnalyzerFailure(analyzer: "dnsbl", reason: "timeout", mode: .failOpen)
        let tempfail = Policy().decide(report(score: 0, failures: [closed]), envelope: Envelope())
        #expect(tempfail.action == .tempfail)
        #expect(try #require(tempfail.refusal).code == 451)
        #expect(try #require(tempfail.refusal).text.contains("clamav: connection refused"))
        #expect(Policy().decide(report(score: 0, failures: [open]), envelope: Envelope()).action == .accept)
    }

    @Test func perDomainThresholdsFollowTheFirstRecipient() {
        let strict = Policy.Thresholds(requiredScore: 2)
        let policy = Policy(domains: ["example.org": strict])
        let envelope = Envelope(recipients: ["<Bob@Example.ORG>"])
        #expect(policy.decide(report(score: 3), envelope: envelope).isSpam)
        #expect(!policy.decide(report(score: 3), envelope: Envelope(recipients: ["bob@example.com"])).isSpam)
    }

    @Test(arguments: [(0.0, "0.0"), (5.04, "5.0"), (5.05, "5.1"), (-1.25, "-1.3"), (123.449, "123.4")])
    func scoresAreFormattedWithOneDecimal(score: Double, text: String) {
        #expect(Policy.format(score) == text)
    }
}
