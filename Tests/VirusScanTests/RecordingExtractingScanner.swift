import Synchronization
@testable import VirusScan

/// An in-process engine behind a recorder: the sizes of the separate scans it was asked for,
/// and the extraction answers it gave.
final class RecordingExtractingScanner: ExtractingVirusScanner {
    let inner: any ExtractingVirusScanner
    private let recorded = Mutex<(sizes: [Int], extracted: [[Bool]])>(([], []))

    init(inner: any ExtractingVirusScanner) { self.inner = inner }

    var scannerName: String { inner.scannerName }
    var sizes: [Int] { recorded.withLock { $0.sizes } }
    var extracted: [[Bool]] { recorded.withLock { $0.extracted } }

    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        recorded.withLock { $0.sizes.append(bytes.count) }
        return inner.scan(bytes, filename: filename)
    }

    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?, candidates: [[UInt8]]) -> ExtractingScanResult {
        let outcome = inner.scan(bytes, filename: filename, candidates: candidates)
        recorded.withLock {
            $0.sizes.append(bytes.count)
            $0.extracted.append(outcome.extracted)
        }
        return outcome
    }
}
