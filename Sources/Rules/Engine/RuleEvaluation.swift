/// What `RuleEvaluator` found in one message.
public struct RuleEvaluation: Sendable {
    /// Reportable hits, in rule-definition order.
    public let matches: [RuleMatch]
    /// The score set the scores come from.
    public let scoreSet: ScoreSet
    /// Rules whose regex stopped at a PCRE2 limit on this message (each named once); they count
    /// as not hit where the limit stopped them.
    public let limitHits: [String]
    /// Hit counts of every rule, sub-rules included, indexed by `RuleID.index`.
    public let counts: [Int]

    public var score: Double { matches.reduce(0) { $0 + $1.score } }

    public func match(named name: String) -> RuleMatch? { matches.first { $0.name == name } }
}
