import Filter
import ScanModel
import Foundation
import MailMessage
import Server
import Testing

private struct ScoreAnalyzer: MessageAnalyzer {
    let name = "score"
    let failureMode = AnalyzerFailure.Mode.failOpen
    let score: Double
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        report.add(RuleHit(name: "TEST_RULE", score: score, description: "test", source: name))
    }
}

private struct DeadAnalyzer: MessageAnalyzer {
    struct Dead: Error {}
    let name = "clamav"
    let failureMode = AnalyzerFailure.Mode.failClosed
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws { throw Dead() }
}

/// Stands in for a virus scanner: reports the named virus, or a clean scan when nil.
private struct FakeVirusAnalyzer: MessageAnalyzer {
    let name = VirusFinding.analyzerName
    let failureMode = AnalyzerFailure.Mode.failClosed
    let virus: String?
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        report.virusScanner = "FakeAV 1.0"
        if let virus { report.viruses.append(VirusFinding(name: virus, part: "2", filename: "x.exe")) }
    }
}

@Suite struct PipeFilterTests {
    let ham = Array("From: a@example.com\nSubject: lunch\n\nSee you at noon.\n".utf8)

    private func filter(_ analyzers: [any MessageAnalyzer] = [], policy: Policy = Policy(), options: PipeFilter.Options = .init()) -> PipeFilter {
        PipeFilter(engine: FilterEngine(analyzers: analyzers, policy: policy), options: options)
    }

    @Test func hamComesOutWithTheSpamHeadersAndEveryOriginalByte() throws {
        let outcome = filter().process(ham)
        #expect(outcome.exitCode == .ok)
        let text = String(decoding: outcome.output, as: UTF8.self)
        #expect(text.hasPrefix("From: a@example.com\nSubject: lunch\nX-Spam-Checker-Version: swfilter "))
        #expect(text.contains("\nX-Spam-Flag: NO\n"))
        #expect(text.contains("\nX-Spam-Status: No, score=0.0 required=5.0 tests=none"))
        #expect(text.hasSuffix("\n\nSee you at noon.\n"))
    }

    @Test func spamIsFlaggedTaggedAndReportedInTheExitCodeWhenAsked() {
        let policy = Policy(thresholds: .init(requiredScore: 5, subjectTag: "***SPAM***"))
        let outcome = filter([ScoreAnalyzer(score: 6)], policy: policy, options: .init(exitCodeOnSpam: true)).process(ham)
        #expect(outcome.exitCode == .spamFound)
        let text = String(decoding: outcome.output, as: UTF8.self)
        #expect(text.contains("Subject: ***SPAM*** lunch\n"))
        #expect(text.contains("X-Spam-Flag: YES\n"))
        #expect(text.contains("tests=TEST_RULE"))
        #expect(filter([ScoreAnalyzer(score: 6)], policy: policy).process(ham).exitCode == .ok)
    }

    @Test func existingSpamHeadersAreReplacedNotDuplicated() {
        let message = Array("X-Spam-Flag: YES\nX-Spam-Status: Yes, score=99\n\tfolded=1\nSubject: s\n\nbody\n".utf8)
        let output = String(decoding: filter().process(message).output, as: UTF8.self)
        #expect(output.components(separatedBy: "X-Spam-Flag:").count == 2)
        #expect(output.components(separatedBy: "X-Spam-Status:").count == 2)
        #expect(!output.contains("score=99"))
        #expect(output.hasPrefix("Subject: s\nX-Spam-Checker-Version"))
    }

    @Test func infectedMailIsTaggedWithTheVirusNameAndReportedInTheExitCode() {
        let forged = Array("X-Virus-Status: Clean\nX-Virus-Scanned: by nobody\nSubject: s\n\nbody\n".utf8)
        let outcome = filter([FakeVirusAnalyzer(virus: "Eicar-Test-Signature")], options: .init(exitCodeOnSpam: true)).process(forged)
        #expect(outcome.exitCode == .spamFound)
        let text = String(decoding: outcome.output, as: UTF8.self)
        #expect(text.contains("\nX-Virus-Status: Infected (Eicar-Test-Signature)\n"))
        #expect(text.contains("\nX-Virus-Scanned: FakeAV 1.0"))
        #expect(text.components(separatedBy: "X-Virus-Status:").count == 2)
        #expect(!text.contains("by nobody"))
        #expect(text.hasSuffix("\n\nbody\n"))
    }

    @Test func cleanMailSaysCleanAndNoScannerMeansNoVirusHeaders() {
        let clean = String(decoding: filter([FakeVirusAnalyzer(virus: nil)]).process(ham).output, as: UTF8.self)
        #expect(clean.contains("\nX-Virus-Status: Clean\n"))
        let unscanned = String(decoding: filter().process(ham).output, as: UTF8.self)
        #expect(!unscanned.contains("X-Virus-"))
    }

    @Test func emptyInputIsADataErrorWithNothingWritten() {
        let outcome = filter().process([])
        #expect(outcome.exitCode == .dataError)
        #expect(outcome.output.isEmpty)
    }

    @Test func aFailedScanPassesTheMessageUntouchedOrTempfailsWhenConfigured() {
        let passed = filter([DeadAnalyzer()]).process(ham)
        #expect(passed.exitCode == .ok)
        #expect(passed.output == ham)
        #expect(passed.diagnostic?.contains("clamav") == true)
        let held = filter([DeadAnalyzer()], options: .init(tempfailOnError: true)).process(ham)
        #expect(held.exitCode == .tempFail)
        #expect(held.output.isEmpty)
    }

    @Test func addHeadersSpamLeavesHamUntouched() {
        #expect(filter(options: .init(addHeaders: .spam)).process(ham).output == ham)
        #expect(filter(options: .init(addHeaders: .none)).process(ham).output == ham)
    }

    @Test func aMessageOverTheSizeLimitStreamsThroughUnscannedAndWhole() throws {
        let big = Array("Subject: big\n\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputPath = folder.appendingPathComponent("in").path, outputPath = folder.appendingPathComponent("out").path
        let errorPath = folder.appendingPathComponent("err").path
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(big))
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let input = open(inputPath, O_RDONLY), output = open(outputPath, O_WRONLY), errors = open(errorPath, O_WRONLY)
        defer { close(input); close(output); close(errors) }
        let status = filter(options: .init(maxMessageBytes: 100_000)).run(input: input, output: output, errors: errors)
        #expect(status == .ok)
        #expect(FileManager.default.contents(atPath: outputPath).map(Array.init) == big)
        let log = String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
        #expect(log.contains("passed unscanned"))
    }
}
