import MailMessage

/// Everything the analyzers found in one message. The score is the sum of the hits' scores.
public struct ScanReport: Sendable {
    public let traceID: TraceID
    public private(set) var hits: [RuleHit] = []
    public var defects: [Defect]
    /// The Bayes spam probability, or nil when the classifier did not vote.
    public var bayesProbability: Double?
    public var viruses: [VirusFinding] = []
    /// Which virus scanner looked at the message ("ClamAV 1.4.6"), nil when none did.
    public var virusScanner: String?
    public var failures: [AnalyzerFailure] = []
    /// Notes from analyzers that did their work only in part (a rule stopped at its limit).
    public var notes: [AnalyzerNote] = []

    public init(traceID: TraceID, defects: [Defect] = []) {
        self.traceID = traceID
        self.defects = defects
    }

    public var score: Double { hits.reduce(0) { $0 + $1.score } }

    public mutating func add(_ hit: RuleHit) { hits.append(hit) }

    public func hit(named name: String) -> RuleHit? { hits.first { $0.name == name } }
}
