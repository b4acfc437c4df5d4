/// How a rule decides whether it hits. Together with `RuleKind` (where it looks) it says
/// everything the evaluator must do.
public enum RuleTest: Sendable, Hashable {
    /// body, rawbody, full, uri: the pattern is searched in each line / chunk / URI.
    case pattern(RegexPattern)
    /// header and mimeheader with `=~` or `!~`.
    case header(HeaderTest)
    /// `header NAME exists:Field`: the header is present.
    case exists(HeaderSelector)
    /// `eval:function(arguments)`; the evaluator decides which functions it supports.
    case eval(function: String, arguments: [EvalArgument])
    case meta(MetaExpression)
    /// A rule defined by a plugin directive, e.g. `askdns NAME query type subtest`.
    case plugin(directive: String, arguments: [String])
    /// No test of its own (`reuse`, or a rule with nothing to run here).
    case none

    /// The regex the rule runs, when it runs one.
    public var pattern: RegexPattern? {
        switch self {
        case .pattern(let pattern): pattern
        case .header(let test): test.pattern
        default: nil
        }
    }
}
