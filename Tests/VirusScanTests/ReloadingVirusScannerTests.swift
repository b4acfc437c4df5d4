import Foundation
import Testing
@testable import VirusScan

@Suite struct ReloadingVirusScannerTests {
    /// A signature of our own for a string only these tests use, to see which engine answers.
    private static let marker = Array("SWFILTER-RELOAD-MARKER-7f3a".utf8)
    private static let markerSignature = "Swfilter.Test.ReloadMarker:0:*:" + marker.map { String(format: "%02x", $0) }.joined() + "\n"

    private func directoryWithProjectSignatures() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory("reload")
        try directory.copy(TestSignatures.ndb)
        return directory
    }

    @Test func loadsOnceAtStartAndLogsTheCost() throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let lines = LogLines()
        let builds = ClamAVEngine.buildCount
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path), log: lines.log)
        #expect(scanner.generation == 1)
        #expect(scanner.loadError == nil)
        for _ in 0..<5 { #expect(scanner.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName)) }
        #expect(ClamAVEngine.buildCount >= builds + 1)
        #expect(scanner.reloadIfChanged() == false)  // nothing changed: no second load
        #expect(scanner.generation == 1)
        #expect(lines.contains("loaded 1 signatures in"))
        #expect(lines.contains("resident memory"))
    }

    @Test func reloadUnderConcurrentScansLosesNoScan() async throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        let scanners = 4, scansEach = 150, reloads = 5
        let results = await withTaskGroup(of: [Bool].self) { group in
            for worker in 0..<scanners {
                group.addTask {
                    (0..<scansEach).map { index in
                        let infected = (index + worker).isMultiple(of: 2)
                        let result = scanner.scan(infected ? TestSignatures.eicar : Array("clean \(index)".utf8))
                        return result == (infected ? .infected(name: TestSignatures.eicarName) : .clean)
                    }
                }
            }
            group.addTask {
                for _ in 0..<reloads { _ = scanner.reload() }
                return []
            }
            return await group.reduce(into: [Bool]()) { $0 += $1 }
        }
        #expect(results.count == scanners * scansEach)
        #expect(results.allSatisfy { $0 })
        #expect(scanner.generation == 1 + reloads)
    }

    @Test func aScanInFlightKeepsTheOldEngineUntilItEnds() throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        var inFlight: ClamAVEngine? = scanner.currentEngine
        weak let old = inFlight
        #expect(try scanner.reload().get() !== inFlight)
        #expect(old != nil)
        #expect(inFlight?.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        inFlight = nil
        #expect(old == nil)
    }

    @Test func aCorruptSignatureFileKeepsTheOldEngineAndSaysWhy() throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let lines = LogLines()
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path), log: lines.log)
        let first = scanner.currentEngine
        try directory.write("broken.ndb", "not:a:signature\n")
        #expect(scanner.reloadIfChanged())
        #expect(scanner.currentEngine === first)
        #expect(scanner.generation == 1)
        #expect(scanner.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        #expect(lines.contains("still scanning with the previous engine"))
        #expect(lines.contains("broken.ndb"))
        #expect(scanner.reloadIfChanged() == false)  // the same broken files are not retried

        try FileManager.default.removeItem(atPath: directory.file("broken.ndb"))
        try directory.write("marker.ndb", Self.markerSignature)
        #expect(scanner.reloadIfChanged())
        #expect(scanner.generation == 2)
        #expect(scanner.scan(Self.marker) == .infected(name: "Swfilter.Test.ReloadMarker.UNOFFICIAL"))
    }

    @Test func withNoEngineScansFailUntilAReloadSucceeds() throws {
        let directory = try TemporaryDirectory("reload-empty")
        defer { directory.remove() }
        let lines = LogLines()
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path), log: lines.log)
        #expect(scanner.currentEngine == nil)
        #expect(scanner.loadError?.kind == .noSignatures)
        guard case .error(let error) = scanner.scan(TestSignatures.eicar) else {
            Issue.record("a scanner with no engine answered")
            return
        }
        #expect(error.kind == .engineUnavailable)
        #expect(error.message.contains("holds no signature databases"))
        #expect(lines.contains("no engine to scan with"))

        try directory.copy(TestSignatures.ndb)
        #expect(scanner.reloadIfChanged())
        #expect(scanner.loadError == nil)
        #expect(scanner.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
    }

    @Test func theWatcherPicksUpNewSignatures() async throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        scanner.startWatching(every: .milliseconds(20))
        defer { scanner.stopWatching() }
        #expect(scanner.scan(Self.marker) == .clean)
        try directory.write("marker.ndb", Self.markerSignature)
        var found = false
        for _ in 0..<250 where !found {  // at most 5 s
            try await Task.sleep(for: .milliseconds(20))
            found = scanner.scan(Self.marker) != .clean
        }
        #expect(found)
        #expect(scanner.generation == 2)
    }

    @Test func reloadInBackgroundReportsWhenDone() async throws {
        let directory = try directoryWithProjectSignatures()
        defer { directory.remove() }
        let scanner = ReloadingVirusScanner(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        let signatures = await withCheckedContinuation { continuation in
            scanner.reloadInBackground { result in continuation.resume(returning: (try? result.get())?.signatureCount) }
        }
        #expect(signatures == 1)
        #expect(scanner.generation == 2)
    }
}
