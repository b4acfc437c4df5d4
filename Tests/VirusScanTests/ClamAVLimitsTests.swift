import Foundation
import Testing
@testable import VirusScan

/// Bad input against the engine: each is stopped by a named limit, never by a crash or by
/// unbounded memory.
@Suite struct ClamAVLimitsTests {
    private static let limitPrefix = VirusScanResult.limitAlertPrefix

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
