/// Scans bytes for viruses. Implemented in process by `ClamAVEngine` (and
/// `ReloadingVirusScanner` around it) and over a socket by `ClamdClient`. Shared by every
/// scanning thread, so implementations are thread-safe; a scan blocks its thread.
public protocol VirusScanner: Sendable {
    /// What scans, for reports and X-Virus-Scanned ("ClamAV 1.4.6", "clamd").
    var scannerName: String { get }

    /// Scans one byte string: a decoded MIME part or a whole message. `filename` is only a hint
    /// for logs; detection never depends on it.
    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult
}

extension VirusScanner {
    public func scan(_ bytes: [UInt8], filename: String? = nil) -> VirusScanResult {
        bytes.withUnsafeBytes { scan($0, filename: filename) }
    }

    public func scan(_ bytes: ArraySlice<UInt8>, filename: String? = nil) -> VirusScanResult {
        bytes.withUnsafeBytes { scan($0, filename: filename) }
    }
}
