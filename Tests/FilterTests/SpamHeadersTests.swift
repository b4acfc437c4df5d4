import Filter
import ScanModel
import MailMessage
import Testing

private struct Hits: MessageAnalyzer {
    let name = "hits"
    let failureMode = AnalyzerFailure.Mode.failOpen
    let names: [String]
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        for name in names { report.add(RuleHit(name: name, score: 1, description: "", source: name)) }
    }
}

@Suite struct SpamHeadersTests {
    @Test func hamGetsFlagNoAndTestsNone() {
        let result = FilterEngine().scan(Array("Subject: hi\n\nbody\n".utf8), traceID: TraceID("ABC"))
        let fields = Dictionary(uniqueKeysWithValues: SpamHeaders.fields(for: result, version: "1.2", hostname: "mx1").map { ($0.name, $0.value) })
        #expect(fields["X-Spam-Flag"] == "NO")
        #expect(fields["X-Spam-Score"] == "0.0")
        #expect(fields["X-Spam-Level"] == "")
        #expect(fields["X-Spam-Status"] == "No, score=0.0 required=5.0 tests=none version=1.2 trace=ABC")
        #expect(fields["X-Spam-Checker-Version"] == "swfilter 1.2 on mx1")
    }

    @Test func spamListsSortedTestsAndFoldsLongLinesBefore78Columns() throws {
        let names = (1...12).map { "SOME_LONG_RULE_NAME_\($0)" }
        let result = FilterEngine(analyzers: [Hits(names: names)]).scan(Array("Subject: hi\n\nbody\n".utf8))
        let status = try #require(SpamHeaders.fields(for: result, version: "1.2", hostname: nil).first { $0.name == "X-Spam-Status" }?.value)
        #expect(status.hasPrefix("Yes, score=12.0 required=5.0"))
        let lines = status.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 2)
        #expect(("X-Spam-Status: " + lines[0]).count <= 78)
        for line in lines.dropFirst() { #expect(line.count + 8 <= 78) }
        let unfolded = lines.joined()
        for name in names { #expect(unfolded.contains(name)) }
        let level = SpamHeaders.fields(for: result, version: "1.2", hostname: nil).first { $0.name == "X-Spam-Level" }?.value
        #expect(level == String(repeating: "*", count: 12))
    }
}
