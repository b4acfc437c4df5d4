import Filter
import ScanModel
import Testing

@Suite struct VirusHeadersTests {
    private func fields(_ report: ScanReport, hostname: String? = "mx1") -> [String: String] {
        Dictionary(uniqueKeysWithValues: VirusHeaders.fields(for: report, scanner: "ClamAV 1.4.6", hostname: hostname).map { ($0.name, $0.value) })
    }

    @Test func cleanMessage() {
        let fields = fields(ScanReport(traceID: TraceID("T")))
        #expect(fields["X-Virus-Scanned"] == "ClamAV 1.4.6 at mx1")
        #expect(fields["X-Virus-Status"] == "Clean")
    }

    @Test func infectedListsEachNameOnce() {
        var report = ScanReport(traceID: TraceID("T"))
        report.viruses = [VirusFinding(name: "Eicar", part: "2", filename: "a.com"), VirusFinding(name: "Eicar", part: "3", filename: "b.com"),
                          VirusFinding(name: "Other", part: "4", filename: nil)]
        #expect(fields(report)["X-Virus-Status"] == "Infected (Eicar, Other)")
    }

    @Test func aFailureOfTheVirusAnalyzerIsNotScanned() {
        var report = ScanReport(traceID: TraceID("T"))
        report.failures = [AnalyzerFailure(analyzer: "clamav", reason: "no clamd answered", mode: .failOpen)]
        #expect(fields(report, hostname: nil)["X-Virus-Status"] == "Not scanned")
        #expect(fields(report, hostname: nil)["X-Virus-Scanned"] == "ClamAV 1.4.6")
        report.failures = [AnalyzerFailure(analyzer: "bayes", reason: "db locked", mode: .failOpen)]
        #expect(fields(report)["X-Virus-Status"] == "Clean")
    }
}
