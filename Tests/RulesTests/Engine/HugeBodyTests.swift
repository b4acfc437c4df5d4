import Foundation
import MailMessage
import Testing
@testable import Rules

/// A message built to make the scan slow: one body line of 20 MB, under rules that have to look
/// at all of it. The scan must end in a time bounded by the size, with CPU time measured.
@Suite struct HugeBodyTests {
    @Test func twentyMegabyteBodyOnOneLineIsScannedInBoundedTime() {
        let rules = """
            body WORD_NEAR_END /needle at the end/
            body IPSUM_WORDS /\\bipsum\\s+\\w+:\\/\\/\\S+\\s+lorem\\b/
            rawbody RAW_NEEDLE /needle/
            full FULL_NEEDLE /needle at the end/
            uri ANY_URI /example/
            body NEVER /zzzzqqqq/
            """
        let compiled = CompiledRuleSet(RuleLoader().load(text: rules))
        #expect(compiled.problems.isEmpty)
        var bytes = Array("From: a@example.com\r\nTo: b@example.org\r\nSubject: huge\r\nContent-Type: text/plain\r\n\r\n".utf8)
        let headerCount = bytes.count
        let word = Array("lorem ipsum http://example.com/x ".utf8)
        bytes.reserveCapacity(headerCount + (20 << 20) + 64)
        while bytes.count - headerCount < 20 << 20 { bytes += word }
        bytes += Array("needle at the end\r\n".utf8)
        #expect(bytes.count - headerCount > 20 << 20)

        let before = Self.threadCPUSeconds()
        let result: RuleEvaluation? = RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: bytes))
        let cpu = Self.threadCPUSeconds() - before
        // full sees the whole message; body and rawbody stop at their part scan sizes, as
        // SpamAssassin's body_part_scan_size and rawbody_part_scan_size make them.
        #expect(result?.match(named: "FULL_NEEDLE") != nil)
        #expect(result?.match(named: "WORD_NEAR_END") == nil)
        #expect(result?.match(named: "RAW_NEEDLE") == nil)
        #expect(result?.match(named: "NEVER") == nil)
        #expect(result?.match(named: "ANY_URI") != nil)
        #expect(result?.match(named: "IPSUM_WORDS") != nil)
        #expect(result?.limitHits.isEmpty == true)
        // Debug build on a loaded machine: about 20 s of CPU; far less in release.
        #expect(cpu < 90, "took \(cpu) s of CPU")
    }

    /// CPU time of the calling thread, so that other tests running at the same time do not count.
    static func threadCPUSeconds() -> Double {
        var usage = rusage()
        // RUSAGE_THREAD (1) is a GNU extension Swift does not import by name.
        getrusage(__rusage_who_t(1), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
