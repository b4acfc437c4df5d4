/// An analyzer that could not do its work (a dead ClamAV, a corrupt database, a timeout), and
/// whether the policy treats that as pass (fail open) or tempfail (fail closed).
public struct AnalyzerFailure: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable {
        /// The message goes on as if the analyzer had found nothing.
        case failOpen = "fail_open"
        /// The message is refused for now (4xx / EX_TEMPFAIL) so the sender retries later.
        case failClosed = "fail_closed"
    }

    public let analyzer: String
    public let reason: String
    public let mode: Mode

    public init(analyzer: String, reason: String, mode: Mode) {
        self.analyzer = analyzer
        self.reason = reason
        self.mode = mode
    }
}
