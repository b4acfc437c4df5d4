import Synchronization
@testable import VirusScan

/// A scanner that passes every scan to another and remembers the sizes it was given.
final class RecordingScanner: VirusScanner {
    let inner: any VirusScanner
    private let recorded = Mutex<[Int]>([])

    init(inner: any VirusScanner) { self.inner = inner }

    var scannerName: String { inner.scannerName }
    var sizes: [Int] { recorded.withLock { $0 } }

    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        recorded.withLock { $0.append(bytes.count) }
        return inner.scan(bytes, filename: filename)
    }
}
