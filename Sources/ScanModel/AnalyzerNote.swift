/// Something an analyzer wants the admin to know about one message that is neither a hit nor a
/// failure: the scan went on, but part of it was cut short (a rule stopped at its regex limit).
public struct AnalyzerNote: Sendable, Hashable, Codable {
    public let analyzer: String
    public let text: String

    public init(analyzer: String, text: String) {
        self.analyzer = analyzer
        self.text = text
    }
}
