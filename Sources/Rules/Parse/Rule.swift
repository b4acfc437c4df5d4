/// One rule of a `RuleSet`, with everything its directives said about it.
public struct Rule: Sendable, Hashable, Identifiable {
    public let id: RuleID
    public let name: String
    public let kind: RuleKind
    public let test: RuleTest
    public let scores: RuleScores
    /// The `describe` text.
    public let description: String?
    public let flags: RuleFlags
    /// Run order: lower first. `priority` lines, else -100 for `net` rules, -10000 for rules that
    /// capture tags, and lowered to the priority of any meta that needs the rule.
    public let priority: Int
    /// Where the rule was (last) defined.
    public let location: SourceLocation
    /// Why the rule must not run (a meta loop), or nil.
    public let disabledReason: String?

    public init(id: RuleID, name: String, kind: RuleKind, test: RuleTest, scores: RuleScores, description: String?,
                flags: RuleFlags, priority: Int, location: SourceLocation, disabledReason: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.test = test
        self.scores = scores
        self.description = description
        self.flags = flags
        self.priority = priority
        self.location = location
        self.disabledReason = disabledReason
    }

    /// `__NAME`: feeds metas, never adds to the score and never shows in reports.
    public var isSubRule: Bool { RuleName.isSubRule(name) }

    public func score(in set: ScoreSet) -> Double { scores[set] }

    /// Whether the rule runs in that score set: not disabled, and its score is not 0
    /// (`score NAME 0` turns a rule off, sub-rules included).
    public func isActive(in set: ScoreSet) -> Bool {
        disabledReason == nil && scores[set] != 0
    }

    /// The points a hit adds: the score, or 0 for a sub-rule.
    public func points(in set: ScoreSet) -> Double { isSubRule ? 0 : scores[set] }

    /// The meta expression, for meta rules.
    public var metaExpression: MetaExpression? {
        if case .meta(let expression) = test { return expression }
        return nil
    }
}
