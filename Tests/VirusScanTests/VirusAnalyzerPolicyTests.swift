import Filter
import ScanModel
import Foundation
import MailMessage
import Testing
@testable import VirusScan

/// Failures and limits at the message level: what the report says and what the verdict is.
@Suite struct VirusAnalyzerPolicyTests {
    private static let eicarMessage = TestMessages.message(TestSignatures.eicar, filename: "eicar.com", shape: .base64Attachment)

    private func noEngineScanner() throws -> (ReloadingVirusScanner, TemporaryDirectory) {
        let directory = try TemporaryDirectory("no-engine")
        return (ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path)), directory)
    }

    @Test func anEngineThatCannotLoadTempfailsByDefault() throws {
        let (scanner, directory) = try noEngineScanner()
        defer { directory.remove() }
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: scanner)]).scan(Self.eicarMessage)
        #expect(result.verdict.action == .tempfail)
        #expect(result.verdict.refusal?.code == 451)
        #expect(result.report.failures.count == 1)
        #expect(result.report.failures.first?.analyzer == "clamav")
        #expect(result.report.failures.first?.reason.contains("holds no signature databases") == true)
    }

    @Test func anEngineThatCannotLoadPassesWhenConfiguredToFailOpen() throws {
        let (scanner, directory) = try noEngineScanner()
        defer { directory.remove() }
        let analyzer = VirusAnalyzer(scanner: scanner, policy: VirusScanPolicy(engineUnavailable: .failOpen))
        let result = FilterEngine(analyzers: [analyzer]).scan(Self.eicarMessage)
        #expect(result.verdict.action == .accept)
        #expect(result.report.failures.first?.mode == .failOpen)
        #expect(result.report.hit(named: "VIRUS_SCAN_FAILED") != nil)
    }

    @Test func anUnreachableClamdTempfailsAndIsAskedOnlyOncePerMessage() throws {
        let port = try SilentServer.deadPort()
        let client = RecordingScanner(inner: try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: port)]))
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: client)]).scan(Self.eicarMessage)
        #expect(result.verdict.action == .tempfail)
        #expect(result.report.failures.first?.reason.contains("127.0.0.1:\(port)") == true)
        #expect(client.sizes.count == 1)
    }

    @Test func aTimingOutClamdFollowsItsOwnSetting() throws {
        let silent = try SilentServer()
        defer { silent.close() }
        let client = try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: silent.port)],
                                     options: ClamdClientOptions(ioTimeout: .milliseconds(100), replyTimeout: .milliseconds(100)))
        let analyzer = VirusAnalyzer(scanner: client, policy: VirusScanPolicy(scannerUnreachable: .failOpen))
        let result = FilterEngine(analyzers: [analyzer]).scan(Self.eicarMessage)
        #expect(result.verdict.action == .accept)
        #expect(result.report.failures.first?.reason.contains("timed out") == true)
    }

    @Test(.enabled(if: ClamdProcess.isAvailable, "clamd (clamav-daemon) is not installed"), arguments: TestMessages.Shape.allCases)
    func theClamdBackendFindsEICARInEveryShape(shape: TestMessages.Shape) throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        let analyzer = VirusAnalyzer(scanner: try ClamdClient(addresses: [clamd.unix]))
        let result = FilterEngine(analyzers: [analyzer]).scan(TestMessages.message(TestSignatures.eicar, filename: "eicar.com", shape: shape))
        #expect(result.report.viruses.first == VirusFinding(name: TestSignatures.eicarName, part: shape.attachmentPath, filename: "eicar.com",
                                                           contentType: "application/octet-stream"))
        #expect(result.verdict.action == .reject)
    }

    // MARK: limits

    private static func smallLimitEngine() throws -> ClamAVEngine {
        try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 10 << 20, maxScanSize: 40 << 20)))
    }

    @Test func anAttachedZipBombIsRejectedByDefault() throws {
        let raw = TestMessages.message(ZipBuilder.zeroBomb(pairs: 200_000), filename: "invoice.zip", shape: .base64Attachment)
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: try Self.smallLimitEngine())]).scan(raw)
        #expect(result.report.viruses.first?.name == "Heuristics.Limits.Exceeded.MaxFileSize")
        #expect(result.report.viruses.first?.filename == "invoice.zip")
        #expect(result.report.hit(named: "VIRUS_SCAN_LIMIT") != nil)
        #expect(result.verdict.action == .reject)
    }

    @Test func aZipBombSentTwiceIsRejectedBothTimes() throws {
        // libclamav's clean-file cache (on by default) must not remember the cut archive as
        // clean: the second copy would then not be opened at all.
        let raw = TestMessages.message(ZipBuilder.zeroBomb(pairs: 200_000), filename: "invoice.zip", shape: .base64Attachment)
        let filter = FilterEngine(analyzers: [VirusAnalyzer(scanner: try Self.smallLimitEngine())])
        for delivery in 1...2 {
            let result = filter.scan(raw)
            #expect(result.report.viruses.first?.name == "Heuristics.Limits.Exceeded.MaxFileSize", "delivery \(delivery)")
            #expect(result.verdict.action == .reject, "delivery \(delivery)")
        }
    }

    @Test(arguments: [(VirusScanPolicy.LimitAction.accept, Verdict.Action.accept), (.failure, .tempfail), (.virus, .reject)])
    func aLimitIsHandledAsConfigured(action: VirusScanPolicy.LimitAction, expected: Verdict.Action) throws {
        let raw = TestMessages.message(ZipBuilder.nested(TestSignatures.eicar, name: "eicar.com", depth: 100), filename: "deep.zip", shape: .nestedMultiparts)
        let analyzer = VirusAnalyzer(scanner: TestSignatures.sharedEngine, policy: VirusScanPolicy(limitExceeded: action))
        let result = FilterEngine(analyzers: [analyzer]).scan(raw)
        #expect(result.verdict.action == expected)
        #expect(result.report.hit(named: "VIRUS_SCAN_LIMIT")?.description.contains("MaxRecursion") == true)
        #expect(result.report.hit(named: "VIRUS_SCAN_LIMIT")?.description.contains("deep.zip") == true)
    }

    @Test func aWholeMessageOverMaxFileSizeIsOnlyNotedWhenEveryPartWasScannedWhole() throws {
        let engine = try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 1 << 20)))
        let parts = (0..<3).map { _ in [UInt8](repeating: 0x61, count: 600 << 10) }
        var raw = TestMessages.message(parts[0], filename: "a.txt", shape: .base64Attachment)
        raw += parts[1] + parts[2]  // epilogue bytes: the message is 1.8 MB, each part under 1 MB
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: engine)]).scan(raw)
        #expect(result.report.viruses.isEmpty)
        #expect(result.report.hit(named: "VIRUS_SCAN_LIMIT")?.description.contains("the message") == true)
        #expect(result.verdict.action == .accept)
    }

    @Test func aTruncatedBase64ArchiveIsScannedAsFarAsItGoes() {
        let engine = FilterEngine(analyzers: [VirusAnalyzer(scanner: TestSignatures.sharedEngine)])
        let stored = ZipBuilder.zip([ZipBuilder.stored("eicar.com", TestSignatures.eicar), ZipBuilder.stored("readme.txt", Array(repeating: 0x20, count: 3000))])
        // Cut in the middle of the second entry's base64: no central directory, no closing
        // boundary, the last base64 line broken. The first entry is whole.
        let raw = TestMessages.message(stored, filename: "files.zip", shape: .base64Attachment)
        let result = engine.scan(Array(raw.prefix(raw.count * 2 / 3)))
        #expect(result.report.failures.isEmpty)
        #expect(result.message.defects.contains { $0.kind == .unclosedBoundary })
        #expect(result.report.viruses.first?.name == TestSignatures.eicarName)
        #expect(result.report.viruses.first?.filename == "files.zip")

        // Deflated, the member is only found by extracting it, and libclamav 1.4 extracts
        // nothing from a zip without its central directory (ClamAV issue 1014): the scan is
        // clean, and the broken MIME is left to the rules as defects. No error either way.
        let deflated = ZipBuilder.zip([ZipBuilder.deflated("eicar.com", TestSignatures.eicar), ZipBuilder.stored("readme.txt", Array(repeating: 0x20, count: 3000))])
        let deflatedRaw = TestMessages.message(deflated, filename: "files.zip", shape: .base64Attachment)
        let cut = engine.scan(Array(deflatedRaw.prefix(deflatedRaw.count * 2 / 3)))
        #expect(cut.report.failures.isEmpty)
        #expect(!cut.message.defects.isEmpty)
        #expect(cut.report.viruses.allSatisfy { $0.name == TestSignatures.eicarName })
        // Whole, the same archive is found.
        #expect(engine.scan(deflatedRaw).report.viruses.first?.name == TestSignatures.eicarName)
    }
}
