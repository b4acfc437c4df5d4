/// One independent piece of building a `CompiledRuleSet` after its regexes compiled, run on
/// whichever core is free (`ParallelMap`), and what it produced.
enum RuleSetBuildStep: Sendable {
    /// The `CompiledPatternRule` of a body, rawbody, full or uri rule (rewrites, start guard,
    /// projections: each compiles more regexes). Every step reads patterns with the rule set's
    /// `PatternReadingMemos`.
    case rule(id: RuleID, regex: CompiledRegex, flags: RuleFlags, skipsSubjectLine: Bool, memos: PatternReadingMemos)
    /// The literal prefilter over these regexes (with literal formulas for per-line kinds).
    case prefilter([CompiledRegex], lineFormulas: Bool, memos: PatternReadingMemos)
    case headerPlan(rules: [CompiledPatternRule], requests: [HeaderRequest], templates: CaptureTemplates, memos: PatternReadingMemos)
    case mimeHeaderPlan(rules: [CompiledPatternRule], slotCount: Int, memos: PatternReadingMemos)

    enum Product: Sendable {
        case rule(CompiledPatternRule)
        case prefilter(LiteralPrefilter)
        case headerPlan(HeaderRulePlan)
        case mimeHeaderPlan(SlotPrefilters)
    }

    func run() -> Product {
        switch self {
        case .rule(let id, let regex, let flags, let skipsSubjectLine, let memos):
            return .rule(CompiledPatternRule(id: id, regex: regex, flags: flags, skipsSubjectLine: skipsSubjectLine, memos: memos))
        case .prefilter(let regexes, let lineFormulas, let memos):
            return .prefilter(LiteralPrefilter(regexes: regexes, lineFormulas: lineFormulas, memos: memos))
        case .headerPlan(let rules, let requests, let templates, let memos):
            return .headerPlan(HeaderRulePlan(rules: rules, requests: requests, capturing: { templates.capturesTags($0) }, memos: memos))
        case .mimeHeaderPlan(let rules, let slotCount, let memos):
            return .mimeHeaderPlan(SlotPrefilters(rules: rules, slotCount: slotCount, memos: memos))
        }
    }
}
