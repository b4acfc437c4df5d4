/// A rule that hit a message and counts in its report: not a `__` sub-rule, score not 0.
public struct RuleMatch: Sendable, Hashable {
    public let name: String
    public let score: Double
    public let description: String
    /// How many times it hit (more than 1 only for `tflags multiple` rules and metas).
    public let count: Int
}
