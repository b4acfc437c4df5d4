/// What `RuleEvaluator` found in one message.
public struct RuleEvaluation: Sendable {
    /// Reportable hits, in rule-definition order.
    public let matches: [RuleMatch]
    /// The score set the scores come from.
    public let scoreSet: ScoreSet
    /// Rules whose regex stopped at a PCRE2 limit on this message (each named once, in run order
    /// of all rules); they count as not hit where the limit stopped them. A sub-rule that did not
    /// run (nothing needed it) is not here.
    public let limitHits: [String]
    /// Hit counts of every rule, sub-rules included, indexed by `RuleID.index`. Unless the
    /// evaluator `evaluatesAllSubRules`, a sub-rule no meta needed to decide counts 0 here.
    public let counts: [Int]

    public var score: Double { matches.reduce(0) { $0 + $1.score } }

    public func match(named name: String) -> RuleMatch? { matches.first { $0.name == name } }
}
