/// What lets `RuleEvaluator` skip most header regexes, worked out once per rule set: per header
/// text (request slot) a literal prefilter over the rules reading it, so a rule whose required
/// literals are not in the text is known not to match; per rule its outcome on the text it reads
/// when the header is absent (its `[if-unset: …]`, else ""), which never changes; and which plain
/// fields the requests read, so a message tells an absent header without building its text.
/// The per-rule facts are flat arrays indexed like `CompiledRuleSet.header`, read without
/// touching the rule objects.
struct HeaderRulePlan: Sendable {
    /// Per request slot, the literal prefilter over the header rules reading it.
    let literals: SlotPrefilters
    /// Per header rule: whether it matches its unset text; nil when that run hit a limit, so
    /// the evaluator runs it again to report the limit.
    let unsetMatches: [Bool?]
    /// Per header rule: whether it captures tags (named groups other rules' templates use).
    let capturesTags: [Bool]
    /// Per header rule: its request slot, its `RuleID.index`, whether it is `!~`.
    let slots: [Int]
    let ruleIndices: [Int]
    let isNegated: [Bool]
    /// Per header rule: its regex, read without touching the rule object (one memory load less
    /// per run on a scan that touches hundreds of rules).
    let regexes: [CompiledRegex]
    /// Per header rule: a cheap necessary condition to test before its regex, if it has one.
    let gates: [HeaderRuleGate?]
    /// The plain fields the requests (header and `exists:` rules) read.
    let presence: HeaderFieldPresence
    /// Each request → its slot, for the evals to find the values the rules read.
    let slotByRequest: [HeaderRequest: Int]

    init(rules: [CompiledPatternRule], requests: [HeaderRequest], capturing: (RuleID) -> Bool) {
        let relayTextSlots = Set(requests.indices.filter { RelayPath.isRelayPseudoHeader(requests[$0].name.lowercased()) })
        literals = SlotPrefilters(rules: rules, slotCount: requests.count, relayTextSlots: relayTextSlots)
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
        regexes = rules.map(\.regex)
        gates = rules.map { HeaderRuleGate($0.regex) }
        presence = HeaderFieldPresence(requests: requests)
        slotByRequest = Dictionary(requests.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
