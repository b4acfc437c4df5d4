import Synchronization
import VirusScan

/// Forwards to an in-process engine and counts what it is asked: separate scans, bytes, and
/// parts the engine's own parsers extracted (which `VirusAnalyzer` then does not scan again).
final class CountingScanner: ExtractingVirusScanner {
    let engine: any ExtractingVirusScanner
    let scans = Atomic<Int>(0)
    let bytes = Atomic<Int>(0)
    let candidates = Atomic<Int>(0)
    let extracted = Atomic<Int>(0)

    init(_ engine: any ExtractingVirusScanner) {
        self.engine = engine
    }

    var scannerName: String { engine.scannerName }

    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        count(bytes)
        return engine.scan(bytes, filename: filename)
    }

    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?, candidates: [[UInt8]]) -> ExtractingScanResult {
        count(bytes)
        let outcome = engine.scan(bytes, filename: filename, candidates: candidates)
        self.candidates.add(candidates.count, ordering: .relaxed)
        extracted.add(outcome.extracted.count { $0 }, ordering: .relaxed)
        return outcome
    }

    func reset() {
        scans.store(0, ordering: .relaxed)
        bytes.store(0, ordering: .relaxed)
        candidates.store(0, ordering: .relaxed)
        extracted.store(0, ordering: .relaxed)
    }

    private func count(_ input: UnsafeRawBufferPointer) {
        scans.add(1, ordering: .relaxed)
        bytes.add(input.count, ordering: .relaxed)
    }
}
