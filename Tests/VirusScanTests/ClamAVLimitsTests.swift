import Foundation
import Testing
@testable import VirusScan

/// Bad input against the engine: each is stopped by a named limit, never by a crash or by
/// unbounded memory.
@Suite struct ClamAVLimitsTests {
    private static let limitPrefix = VirusScanResult.limitAlertPrefix

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
        #expect(name.hasPrefix(Self.limitPrefix))
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
        #expect(name.hasPrefix(Self.limitPrefix))
        #expect((ProcessMemory.residentBytes() ?? 0) - before < 100 << 20)
    }

    @Test func aHundredLevelNestedArchiveIsStoppedAtMaxRecursion() {
        let nested = ZipBuilder.nested(TestSignatures.eicar, name: "eicar.com", depth: 100)
        #expect(TestSignatures.sharedEngine.scan(nested) == .limitExceeded(name: Self.limitPrefix + ".MaxRecursion"))
    }

    @Test func aShallowNestedArchiveIsScannedThrough() {
        let nested = ZipBuilder.nested(TestSignatures.eicar, name: "eicar.com", depth: 5)
        #expect(TestSignatures.sharedEngine.scan(nested) == .infected(name: TestSignatures.eicarName))
    }

    @Test func aPartOverMaxFileSizeIsReportedAsSuch() throws {
        let engine = try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 1 << 20)))
        var large = [UInt8](repeating: 0x41, count: 2 << 20)
        large.replaceSubrange(0..<TestSignatures.eicar.count, with: TestSignatures.eicar)
        #expect(engine.scan(large) == .limitExceeded(name: Self.limitPrefix + ".MaxFileSize"))
        #expect(engine.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
    }

    @Test func aTwoHundredMegabyteAttachmentIsOverTheDefaultFileSize() {
        let large = [UInt8](repeating: 0, count: 200 << 20)
        let before = ProcessMemory.residentBytes() ?? 0
        #expect(TestSignatures.sharedEngine.scan(large) == .limitExceeded(name: Self.limitPrefix + ".MaxFileSize"))
        // The engine maps the caller's bytes; it copies none of them.
        #expect((ProcessMemory.residentBytes() ?? 0) - before < 50 << 20)
    }

    @Test func withoutLimitAlertsAnOversizedPartPassesAsClamdWouldPassIt() throws {
        var settings = TestSignatures.settings(limits: ClamAVScanLimits(maxFileSize: 1 << 20))
        settings.alertExceedsMax = false
        let engine = try ClamAVEngine(settings: settings)
        #expect(engine.scan([UInt8](repeating: 0x41, count: 2 << 20)) == .clean)
    }

    @Test func aTruncatedArchiveIsScannedAsFarAsItGoes() {
        let archive = ZipBuilder.zip([ZipBuilder.stored("eicar.com", TestSignatures.eicar)])
        // Cut before the central directory: the local entry is still whole.
        let beforeDirectory = Array(archive.prefix(30 + "eicar.com".utf8.count + TestSignatures.eicar.count))
        #expect(TestSignatures.sharedEngine.scan(beforeDirectory) == .infected(name: TestSignatures.eicarName))
        // Cut inside the payload: nothing to find, and no error either.
        let insidePayload = Array(archive.prefix(30 + "eicar.com".utf8.count + 20))
        #expect(TestSignatures.sharedEngine.scan(insidePayload) == .clean)
    }
}
