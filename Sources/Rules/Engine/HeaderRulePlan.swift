/// What lets `RuleEvaluator` skip most header regexes, worked out once per rule set: per header
/// text (request slot) a literal prefilter over the rules reading it, so a rule whose required
/// literals are not in the text is known not to match (asked only where it pays:
/// `prefilterPays`); per rule its outcome on the text it reads
/// when the header is absent (its `[if-unset: …]`, else ""), which never changes; and which plain
/// fields the requests read, so a message tells an absent header without building its text.
/// What the scan reads of each rule is packed in `steps`, grouped by slot, so the evaluator
/// fetches each text once and runs its rules without touching the rule objects.
struct HeaderRulePlan: Sendable {
    /// Per request slot, the literal prefilter over the header rules reading it.
    let literals: SlotPrefilters
    /// Per header rule (index in `CompiledRuleSet.header`): its request slot, its `RuleID.index`.
    let slots: [Int]
    let ruleIndices: [Int]
    /// Per header rule: its regex, read without touching the rule object (one memory load less
    /// per run on a scan that touches hundreds of rules).
    let regexes: [CompiledRegex]
    /// The same regexes unretained (`regexes` keeps them alive): a run then updates no reference
    /// count, which on a regex object not touched since the last message is a cache miss of its own.
    let unretainedRegexes: [Unmanaged<CompiledRegex>]
    /// Per header rule: a cheap necessary condition to test before its regex, if it has one.
    let gates: [HeaderRuleGate?]
    /// Per header rule: the windows its regex may run in instead of the whole text, if known.
    let windows: [HeaderRuleWindow?]
    /// The header rules grouped by slot, each slot's in run order: slot `s` has
    /// `steps[stepStarts[s]..<stepStarts[s + 1]]`.
    let steps: [HeaderRuleStep]
    let stepStarts: [Int]
    /// The plain fields the requests (header and `exists:` rules) read.
    let presence: HeaderFieldPresence
    /// Each request → its slot, for the evals to find the values the rules read.
    let slotByRequest: [HeaderRequest: Int]

    init(rules: [CompiledPatternRule], requests: [HeaderRequest], capturing: (RuleID) -> Bool,
         memos: PatternReadingMemos = PatternReadingMemos()) {
        let relayTextSlots = Set(requests.indices.filter { RelayPath.isRelayPseudoHeader(requests[$0].name.lowercased()) })
        literals = SlotPrefilters(rules: rules, slotCount: requests.count, relayTextSlots: relayTextSlots, gated: true, memos: memos)
        // 1 or 0: whether the rule matches its unset text; -1 when that run hit a limit, so the
        // evaluator runs it again to report the limit
        let unsetMatches: [Int8] = rules.map { rule in
            switch rule.regex.firstMatch(in: rule.ifUnset ?? []) {
            case .match: 1
            case .noMatch: 0
            case .limitHit: -1
            }
        }
        slots = rules.map(\.requestSlot)
        ruleIndices = rules.map(\.id.index)
        regexes = rules.map(\.regex)
        unretainedRegexes = regexes.map { Unmanaged.passUnretained($0) }
        gates = rules.map { HeaderRuleGate($0.regex) }
        windows = rules.map { HeaderRuleWindow($0.regex) }
        var bySlot = [[Int]](repeating: [], count: requests.count)
        for (index, rule) in rules.enumerated() where rule.requestSlot >= 0 { bySlot[rule.requestSlot].append(index) }
        var steps: [HeaderRuleStep] = []
        var stepStarts = [0]
        for (slot, members) in bySlot.enumerated() {
            let prefiltered = Self.prefilterPays(request: requests[slot], ruleCount: members.count)
            for index in members {
                let rule = rules[index]
                let target = prefiltered ? literals.targets[index] : -1
                steps.append(HeaderRuleStep(header: Int32(index), rule: Int32(rule.id.index), target: Int32(target),
                                            isNegated: rule.isNegated, capturesTags: capturing(rule.id),
                                            hasGate: gates[index] != nil || windows[index] != nil, unsetMatch: unsetMatches[index]))
            }
            stepStarts.append(steps.count)
        }
        self.steps = steps
        self.stepStarts = stepStarts
        presence = HeaderFieldPresence(requests: requests)
        slotByRequest = Dictionary(requests.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A slot read by fewer rules than this runs them all: on a field of a few dozen bytes, a
    /// prefilter pass (literals, line gates, repeated literals) costs more than the few regex
    /// runs it spares.
    static let minimumRulesForPrefilter = 6

    /// Whether the scan asks the prefilter of a slot read by `ruleCount` rules on `request`:
    /// not for few rules, nor for the whole-header texts (`ALL`, `ALL-EXTERNAL`…), whose rules
    /// look for field names and words nearly every header holds, so a scan of a few kilobytes
    /// spares fewer runs than it costs (on the stock rules and corpus, twice the regex time saved).
    static func prefilterPays(request: HeaderRequest, ruleCount: Int) -> Bool {
        ruleCount >= minimumRulesForPrefilter && !HeaderView.isWholeHeader(request.name)
    }
}
