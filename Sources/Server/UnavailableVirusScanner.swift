import VirusScan

/// A scanner that could not be set up (clamd addresses that do not parse): every scan reports
/// why, and the failure policy decides what happens to the message.
struct UnavailableVirusScanner: VirusScanner {
    let error: VirusScanError
    var scannerName: String { "clamd" }
    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult { .error(error) }
}
