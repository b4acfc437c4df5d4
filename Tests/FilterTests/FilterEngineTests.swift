import Filter
import ScanModel
import MailMessage
import Testing

private struct FixedScoreAnalyzer: MessageAnalyzer {
    let name = "fixed"
    let failureMode = AnalyzerFailure.Mode.failOpen
    let score: Double
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        report.add(RuleHit(name: "FIXED", score: score, description: "subject is \(message.subject ?? "-")", source: name))
    }
}

private struct BrokenAnalyzer: MessageAnalyzer {
    struct Down: Error, CustomStringConvertible { var description: String { "engine down" } }
    let name = "broken"
    let failureMode: AnalyzerFailure.Mode
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws { throw Down() }
}

@Suite struct FilterEngineTests {
    let message = Array("Subject: hello\r\nFrom: a@example.com\r\n\r\nbody\r\n".utf8)

    @Test func withNoAnalyzerTheReportIsCompleteAndTheMessageIsAccepted() {
        let broken = Array("Subject: x\nno colon line\n\nbody".utf8)
        let result = FilterEngine().scan(broken)
        #expect(result.report.score == 0)
        #expect(result.report.hits.isEmpty)
        #expect(result.report.defects.map(\.kind).contains(.headerWithoutColon))
        #expect(result.verdict.action == .accept)
        #expect(result.report.traceID.value.count == 12)
    }

    @Test func analyzersAddUpAndSeeTheParsedMessage() {
        let engine = FilterEngine(analyzers: [FixedScoreAnalyzer(score: 2.5), FixedScoreAnalyzer(score: 3)])
        let result = engine.scan(message)
        #expect(result.report.score == 5.5)
        #expect(result.report.hits.first?.description == "subject is hello")
        #expect(result.verdict.action == .tag)
    }

    @Test func aThrowingAnalyzerIsReportedWithItsFailureMode() {
        let open = FilterEngine(analyzers: [BrokenAnalyzer(failureMode: .failOpen), FixedScoreAnalyzer(score: 1)]).scan(message)
        #expect(open.report.failures == [AnalyzerFailure(analyzer: "broken", reason: "engine down", mode: .failOpen)])
        #expect(open.report.score == 1)
        #expect(open.verdict.action == .accept)
        let closed = FilterEngine(analyzers: [BrokenAnalyzer(failureMode: .failClosed)]).scan(message)
        #expect(closed.verdict.action == .tempfail)
    }
}
