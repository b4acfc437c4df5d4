/// One independent piece of building a `CompiledRuleSet` after its regexes compiled, run on
/// whichever core is free (`ParallelMap`), and what it produced.
enum RuleSetBuildStep: Sendable {
    /// The `CompiledPatternRule` of a body, rawbody, full or uri rule (rewrites, start guard,
    /// projections: each compiles more regexes), with the start guards' memo shared by the rules.
    case rule(id: RuleID, regex: CompiledRegex, flags: RuleFlags, skipsSubjectLine: Bool, startGroups: PatternGateParser.Memo)
    /// The literal prefilter over these regexes (with literal formulas for per-line kinds).
    case prefilter([CompiledRegex], lineFormulas: Bool)
    case headerPlan(rules: [CompiledPatternRule], requests: [HeaderRequest], templates: CaptureTemplates)
    case mimeHeaderPlan(rules: [CompiledPatternRule], slotCount: Int)

    enum Product: Sendable {
        case rule(CompiledPatternRule)
        case prefilter(LiteralPrefilter)
        case headerPlan(HeaderRulePlan)
        case mimeHeaderPlan(SlotPrefilters)
    }

    func run() -> Product {
        switch self {
        case .rule(let id, let regex, let flags, let skipsSubjectLine, let startGroups):
            return .rule(CompiledPatternRule(id: id, regex: regex, flags: flags, skipsSubjectLine: skipsSubjectLine, startGroups: startGroups))
        case .prefilter(let regexes, let lineFormulas):
            return .prefilter(LiteralPrefilter(regexes: regexes, lineFormulas: lineFormulas))
        case .headerPlan(let rules, let requests, let templates):
            return .headerPlan(HeaderRulePlan(rules: rules, requests: requests, capturing: { templates.capturesTags($0) }))
        case .mimeHeaderPlan(let rules, let slotCount):
            return .mimeHeaderPlan(SlotPrefilters(rules: rules, slotCount: slotCount))
        }
    }
}
