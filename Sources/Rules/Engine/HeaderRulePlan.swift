/// What lets `RuleEvaluator` skip most header regexes, worked out once per rule set: per header
/// text (request slot) a literal prefilter over the rules reading it, so a rule whose required
/// literals are not in the text is known not to match; per rule its outcome on the text it reads
/// when the header is absent (its `[if-unset: …]`, else ""), which never changes; and which plain
/// fields the requests read, so a message tells an absent header without building its text.
/// The per-rule facts are flat arrays indexed like `CompiledRuleSet.header`, read without
/// touching the rule objects.
struct HeaderRulePlan: Sendable {
    /// Per request slot: the prefilter over the rules reading it, nil where it would not pay.
    let prefilters: [LiteralPrefilter?]
    /// Per header rule (index in `CompiledRuleSet.header`): its target in its slot's prefilter.
    let targets: [Int]
    /// Per header rule: whether it matches its unset text; nil when that run hit a limit, so
    /// the evaluator runs it again to report the limit.
    let unsetMatches: [Bool?]
    /// Per header rule: whether it captures tags (named groups other rules' templates use).
    let capturesTags: [Bool]
    /// Per header rule: its request slot, its `RuleID.index`, whether it is `!~`.
    let slots: [Int]
    let ruleIndices: [Int]
    let isNegated: [Bool]
    /// The plain fields the requests (header and `exists:` rules) read.
    let presence: HeaderFieldPresence

    /// A slot read by fewer rules than this is cheaper to run than to scan for literals.
    static let minimumRulesForPrefilter = 3

    init(rules: [CompiledPatternRule], requests: [HeaderRequest], capturing: (RuleID) -> Bool) {
        let slotCount = requests.count
        var bySlot = [[Int]](repeating: [], count: slotCount)
        for (index, rule) in rules.enumerated() where rule.requestSlot >= 0 { bySlot[rule.requestSlot].append(index) }
        var targets = [Int](repeating: -1, count: rules.count)
        var prefilters = [LiteralPrefilter?](repeating: nil, count: slotCount)
        for (slot, members) in bySlot.enumerated() where members.count >= Self.minimumRulesForPrefilter {
            let prefilter = LiteralPrefilter(regexes: members.map { rules[$0].regex })
            guard prefilter.prefilteredCount > 0 else { continue }
            prefilters[slot] = prefilter
            for (target, index) in members.enumerated() { targets[index] = target }
        }
        self.prefilters = prefilters
        self.targets = targets
        unsetMatches = rules.map { rule in
            switch rule.regex.firstMatch(in: rule.ifUnset ?? []) {
            case .match: true
            case .noMatch: false
            case .limitHit: nil
            }
        }
        capturesTags = rules.map { capturing($0.id) }
        slots = rules.map(\.requestSlot)
        ruleIndices = rules.map(\.id.index)
        isNegated = rules.map(\.isNegated)
        presence = HeaderFieldPresence(requests: requests)
    }
}
