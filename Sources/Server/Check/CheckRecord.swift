import Filter
import ScanModel

/// One line of `swfilter check --json`. The field names are a published interface: other tools
/// read them, so they only ever gain fields.
public struct CheckRecord: Codable, Sendable, Equatable {
    public struct Hit: Codable, Sendable, Equatable {
        public let name: String
        public let score: Double
        public let description: String
    }

    public let file: String
    public let score: Double
    public let required: Double
    public let action: String
    public let spam: Bool
    /// Rule names, in the order they fired.
    public let hits: [String]
    public let details: [Hit]
    public let defects: [String]
    /// The Bayes probability, or nil when the classifier did not vote.
    public let bayes: Double?
    public let viruses: [String]
    public let failures: [String]
    /// Analyzer notes ("rules: rule X stopped at its regex match or depth limit…"); empty when none.
    public let notes: [String]
    public let traceID: String

    enum CodingKeys: String, CodingKey {
        case file, score, required, action, spam, hits, details, defects, bayes, viruses, failures, notes
        case traceID = "trace_id"
    }

    public init(file: String, result: ScanResult) {
        let report = result.report
        self.file = file
        score = (report.score * 1000).rounded() / 1000
        required = result.verdict.requiredScore
        action = result.verdict.action.rawValue
        spam = result.verdict.isSpam
        hits = report.hits.map(\.name)
        details = report.hits.map { Hit(name: $0.name, score: $0.score, description: $0.description) }
        defects = report.defects.map(\.description)
        bayes = report.bayesProbability
        viruses = report.viruses.map(\.name)
        failures = report.failures.map { "\($0.analyzer): \($0.reason)" }
        notes = report.notes.map { "\($0.analyzer): \($0.text)" }
        traceID = report.traceID.value
    }

    // `bayes` is always present, as null when the classifier did not vote.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(score, forKey: .score)
        try container.encode(required, forKey: .required)
        try container.encode(action, forKey: .action)
        try container.encode(spam, forKey: .spam)
        try container.encode(hits, forKey: .hits)
        try container.encode(details, forKey: .details)
        try container.encode(defects, forKey: .defects)
        try container.encode(bayes, forKey: .bayes)
        try container.encode(viruses, forKey: .viruses)
        try container.encode(failures, forKey: .failures)
        try container.encode(notes, forKey: .notes)
        try container.encode(traceID, forKey: .traceID)
    }
}
