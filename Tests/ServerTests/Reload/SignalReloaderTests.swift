import Foundation
import Synchronization
import Testing
import VirusScan
@testable import Server
#if canImport(Glibc)
import Glibc
#endif

/// The only suite that sends signals to the test process; serialized so one SIGHUP is one.
@Suite(.serialized) struct SignalReloaderTests {
    /// A body signature of our own, so the test needs no signature package.
    static let marker = Array("swfilter-sighup-reload-test-payload".utf8)

    static func settings() throws -> ClamAVEngineSettings {
        let folder = try ConfigFixture.temporaryDirectory()
        let hex = marker.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let path = folder.appendingPathComponent("reload.ndb").path
        try "Swfilter.Test.Reload:0:*:\(hex)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return ClamAVEngineSettings(signatureDirectory: nil, extraSignatureFiles: [path], cacheEnabled: false)
    }

    @Test func sighupReloadsTheVirusEngineOnceWithoutLosingScans() throws {
        let scanner = ReloadingVirusScanner(settings: try Self.settings())
        try #require(scanner.generation == 1)
        let logged = Mutex<[String]>([])
        let reloader = SignalReloader.virusEngine(scanner) { line in logged.withLock { $0.append(line) } }
        defer { reloader.stop() }

        let payload = Array("some text before ".utf8) + Self.marker + Array(" and after".utf8)
        let stop = Atomic<Bool>(false)
        let scans = Atomic<Int>(0)
        let lost = Mutex<[String]>([])
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                // Bounded: stops when told, or after 100 000 scans.
                for _ in 0..<100_000 where !stop.load(ordering: .relaxed) {
                    let result = scanner.scan(payload)
                    if result != .detection("Swfilter.Test.Reload.UNOFFICIAL") { lost.withLock { $0.append("\(result)") } }
                    scans.add(1, ordering: .relaxed)
                }
            }
        }
        while scans.load(ordering: .relaxed) < 10 { usleep(1_000) }
        let before = scans.load(ordering: .relaxed)
        kill(getpid(), SIGHUP)

        let deadline = Date().addingTimeInterval(20)
        while scanner.generation < 2, Date() < deadline { usleep(5_000) }
        // Scans go on after the swap too, then a quiet moment for any second reload to show.
        let swapped = scans.load(ordering: .relaxed)
        while scans.load(ordering: .relaxed) < swapped + 10, Date() < deadline { usleep(1_000) }
        stop.store(true, ordering: .relaxed)
        group.wait()
        usleep(300_000)

        #expect(scanner.generation == 2)
        #expect(reloader.reloadCount == 1)
        #expect(scans.load(ordering: .relaxed) > before)
        #expect(lost.withLock { $0 } == [])
        #expect(logged.withLock { $0 }.contains("SIGHUP received: reloading"))
    }

    @Test func stoppedReloaderIgnoresTheSignal() throws {
        let count = Atomic<Int>(0)
        let reloader = SignalReloader { count.add(1, ordering: .relaxed) }
        reloader.stop()
        kill(getpid(), SIGHUP)
        usleep(200_000)
        #expect(count.load(ordering: .relaxed) == 0)
        #expect(reloader.reloadCount == 0)
    }
}
