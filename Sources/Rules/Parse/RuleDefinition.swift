/// A rule as its defining line gave it, before the rule set is finished (scores, flags and
/// priorities may still come, and `replace_rules` may still rewrite the pattern).
struct RuleDefinition {
    var name: String
    var kind: RuleKind
    var test: RuleTest
    var location: SourceLocation
    /// The Perl regex as written, kept for `replace_rules`.
    var literal: PerlRegexLiteral?
}
