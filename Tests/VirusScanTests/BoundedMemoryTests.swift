import Filter
import ScanModel
import Foundation
import MailMessage
import Testing
@testable import VirusScan

/// Bad input that would cost a lot of memory if a limit failed. Resident memory is per process
/// and tests run in parallel, so these run one at a time, and each bound leaves room for what
/// other suites allocate meanwhile (tens of megabytes) while staying below what the failure
/// would cost (the whole bomb or attachment, hundreds of megabytes).
@Suite(.serialized) struct BoundedMemoryTests {
    /// libclamav itself cuts the extracted file at MaxFileSize and scans the rest as if whole,
    /// without an alert; the engine reports the cut.
    @Test func aZipBombIsStoppedByALimit() throws {
        let engine = try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 10 << 20)))
        let bomb = ZipBuilder.zeroBomb(pairs: 1_000_000)  // 258 MB of zeros in 1.6 MB
        #expect(bomb.count < 2 << 20)
        let before = ProcessMemory.residentBytes() ?? 0
        let result = engine.scan(bomb)
        guard case .limitExceeded(let name) = result else {
            Issue.record("zip bomb: \(result)")
            return
        }
        #expect(name.hasPrefix(VirusScanResult.limitAlertPrefix))
        #expect((ProcessMemory.residentBytes() ?? 0) - before < 200 << 20)
    }

    @Test func aGzipBombWithNoSizeUpFrontIsStoppedByALimit() throws {
        let engine = try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 10 << 20, maxScanSize: 20 << 20)))
        let bomb = ZipBuilder.gzipZeroBomb(pairs: 400_000)  // 100 MB of zeros
        let before = ProcessMemory.residentBytes() ?? 0
        let result = engine.scan(bomb)
        guard case .limitExceeded(let name) = result else {
            Issue.record("gzip bomb: \(result)")
            return
        }
        #expect(name.hasPrefix(VirusScanResult.limitAlertPrefix))
        #expect((ProcessMemory.residentBytes() ?? 0) - before < 100 << 20)
    }

    @Test func aTwoHundredMegabyteAttachmentIsOverTheDefaultFileSize() {
        let large = [UInt8](repeating: 0, count: 200 << 20)
        let before = ProcessMemory.residentBytes() ?? 0
        #expect(TestSignatures.sharedEngine.scan(large) == .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxFileSize"))
        // The engine maps the caller's bytes; it copies none of them.
        #expect((ProcessMemory.residentBytes() ?? 0) - before < 50 << 20)
    }

    @Test func aTwoHundredMegabyteAttachmentIsStoppedByLimitsWithoutBlowingUpMemory() throws {
        var payload = [UInt8](repeating: 0x55, count: 200 << 20)
        payload.replaceSubrange(0..<4, with: Array("%PDF".utf8))
        let raw = TestMessages.message(payload, filename: "huge.pdf", shape: .base64Attachment)
        payload = []
        let before = ProcessMemory.residentBytes() ?? 0
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: TestSignatures.sharedEngine)]).scan(raw)
        let grown = (ProcessMemory.residentBytes() ?? 0) - before
        // swfilter's decoder stops at its 64 MB decoded limit; the raw message (270 MB) is over
        // ClamAV's MaxFileSize, so it is reported, and the policy rejects.
        #expect(result.message.defects.contains { $0.kind == .decodedBytesExceeded })
        #expect(result.report.viruses.map(\.name) == ["Heuristics.Limits.Exceeded.MaxFileSize"])
        #expect(result.verdict.action == .reject)
        #expect(grown < 400 << 20, "resident memory grew by \(grown >> 20) MB")
    }

}
