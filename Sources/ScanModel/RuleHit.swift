/// One test that fired: a rule, a Bayes band, a virus, a blacklist entry. Names follow
/// SpamAssassin's conventions (upper case, underscores) so admins can grep and score them.
public struct RuleHit: Sendable, Hashable, Codable {
    public let name: String
    public let score: Double
    public let description: String
    /// Which analyzer produced it ("rules", "bayes", "virus", "reputation", "message").
    public let source: String

    public init(name: String, score: Double, description: String, source: String) {
        self.name = name
        self.score = score
        self.description = description
        self.source = source
    }
}
