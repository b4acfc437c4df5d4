import ScanModel
import MailMessage

/// Runs the analyzers over a message and applies the policy. Built once by the app layer and
/// shared read-only by every scanning thread.
public struct FilterEngine: Sendable {
    public let analyzers: [any MessageAnalyzer]
    public let policy: Policy
    public let limits: MessageLimits

    public init(analyzers: [any MessageAnalyzer] = [], policy: Policy = Policy(), limits: MessageLimits = .default) {
        self.analyzers = analyzers
        self.policy = policy
        self.limits = limits
    }

    /// Parses raw bytes and scans them.
    public func scan(_ raw: [UInt8], envelope: Envelope = Envelope(), traceID: TraceID = .random()) -> ScanResult {
        scan(MailMessage(parsing: raw, limits: limits), envelope: envelope, traceID: traceID)
    }

    public func scan(_ message: MailMessage, envelope: Envelope = Envelope(), traceID: TraceID = .random()) -> ScanResult {
        var report = ScanReport(traceID: traceID, defects: message.defects)
        for analyzer in analyzers {
            do {
                try analyzer.analyze(message, envelope: envelope, report: &report)
            } catch {
                report.failures.append(AnalyzerFailure(analyzer: analyzer.name, reason: "\(error)", mode: analyzer.failureMode))
            }
        }
        return ScanResult(message: message, report: report, verdict: policy.decide(report, envelope: envelope))
    }
}

/// A scanned message: what was parsed, what was found, what to do.
public struct ScanResult: Sendable {
    public let message: MailMessage
    public let report: ScanReport
    public let verdict: Verdict
}
