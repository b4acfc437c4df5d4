import ScanModel

/// What `VirusAnalyzer` does when scanning cannot give a plain answer. Every failure defaults to
/// fail closed (tempfail: the sender retries, nothing unscanned gets through); a limit reached
/// defaults to treating the part as infected, since what exceeds a scanner's limits in mail is
/// almost always a bomb.
public struct VirusScanPolicy: Sendable, Hashable {
    public enum LimitAction: String, Sendable, Hashable, CaseIterable {
        /// Report it as a virus named after the limit ("Heuristics.Limits.Exceeded.MaxFileSize"):
        /// the policy's virus action applies (reject by default).
        case virus
        /// Report it as a scan failure with the `scanError` mode.
        case failure
        /// Let it through, marked by the VIRUS_SCAN_LIMIT test.
        case accept
    }

    /// No engine: the signatures did not load.
    public var engineUnavailable: AnalyzerFailure.Mode
    /// No clamd answered, or it timed out.
    public var scannerUnreachable: AnalyzerFailure.Mode
    /// The scanner failed on this message.
    public var scanError: AnalyzerFailure.Mode
    public var limitExceeded: LimitAction
    /// Also hand the raw message to the scanner, so ClamAV's own mail parser runs too.
    public var scanWholeMessage: Bool

    public init(
        engineUnavailable: AnalyzerFailure.Mode = .failClosed,
        scannerUnreachable: AnalyzerFailure.Mode = .failClosed,
        scanError: AnalyzerFailure.Mode = .failClosed,
        limitExceeded: LimitAction = .virus,
        scanWholeMessage: Bool = true
    ) {
        self.engineUnavailable = engineUnavailable
        self.scannerUnreachable = scannerUnreachable
        self.scanError = scanError
        self.limitExceeded = limitExceeded
        self.scanWholeMessage = scanWholeMessage
    }

    /// The mode for a failure of this kind.
    public func mode(for kind: VirusScanError.Kind) -> AnalyzerFailure.Mode {
        switch kind {
        case .engineUnavailable, .signatureLoad, .noSignatures, .invalidSetting: engineUnavailable
        case .unreachable, .timeout: scannerUnreachable
        case .protocolError, .scanFailed: scanError
        }
    }
}
