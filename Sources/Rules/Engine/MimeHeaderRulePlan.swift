/// What lets `RuleEvaluator` skip most `mimeheader` regexes: per request slot
/// (`CompiledRuleSet.mimeHeaderRequests`) a literal prefilter over the rules reading it, run once
/// over the texts of every MIME part, so a rule none of whose required literals occur in any
/// part is known not to match there.
struct MimeHeaderRulePlan: Sendable {
    /// Per request slot: the prefilter over the rules reading it, nil where it would not pay.
    let prefilters: [LiteralPrefilter?]
    /// Per mimeheader rule (index in `CompiledRuleSet.mimeHeader`): its target in its slot's prefilter.
    let targets: [Int]

    init(rules: [CompiledPatternRule], slotCount: Int) {
        var bySlot = [[Int]](repeating: [], count: slotCount)
        for (index, rule) in rules.enumerated() where rule.requestSlot >= 0 { bySlot[rule.requestSlot].append(index) }
        var targets = [Int](repeating: -1, count: rules.count)
        var prefilters = [LiteralPrefilter?](repeating: nil, count: slotCount)
        for (slot, members) in bySlot.enumerated() where members.count >= HeaderRulePlan.minimumRulesForPrefilter {
            let prefilter = LiteralPrefilter(regexes: members.map { rules[$0].regex })
            guard prefilter.prefilteredCount > 0 else { continue }
            prefilters[slot] = prefilter
            for (target, index) in members.enumerated() { targets[index] = target }
        }
        self.prefilters = prefilters
        self.targets = targets
    }
}
