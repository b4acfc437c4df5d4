/// One rule of a `CompiledRuleSet` whose test is a regex, compiled once.
public struct CompiledPatternRule: Sendable {
    public let id: RuleID
    public let regex: CompiledRegex
    /// For header and mimeheader rules: what the regex reads, whether it is `!~`, `[if-unset]`.
    public let header: HeaderTest?
    /// The header text request built from `header.header`, for header rules.
    public let request: HeaderRequest?
}
