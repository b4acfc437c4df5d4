extension RuleEvaluator {
    /// The `header` rules, in run order. A rule whose text is absent takes its outcome on the
    /// unset text from `HeaderRulePlan`; one whose required literals are not in its text is a
    /// non-match without running its regex. Only the rules whose regex runs are profiled.
    func runHeaderRules(texts: inout HeaderTextCache, isActive: [Bool], counts: inout [Int], tags: inout [String: [[UInt8]]],
                        noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let plan = rules.headerPlan
        let profile = profile?.timesRules == true ? profile : nil
        var candidates = [TargetSet?](repeating: nil, count: plan.prefilters.count)
        for index in plan.slots.indices where isActive[plan.ruleIndices[index]] {
            let slot = plan.slots[index]
            guard let present = texts.text(slot) else {
                if let known = plan.unsetMatches[index], !(known && plan.capturesTags[index]) {
                    if known != plan.isNegated[index] { counts[plan.ruleIndices[index]] = 1 }
                } else {
                    run(header: index, on: rules.header[index].ifUnset ?? [], counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
                }
                continue
            }
            if let prefilter = plan.prefilters[slot] {
                if candidates[slot] == nil { candidates[slot] = prefilter.candidates(in: [present]) }
                if let found = candidates[slot], !found.contains(plan.targets[index]) {
                    if plan.isNegated[index] { counts[plan.ruleIndices[index]] = 1 }
                    continue
                }
            }
            run(header: index, on: present, counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
        }
    }

    /// Runs header rule `index` (in `CompiledRuleSet.header`) on `text`.
    private func run(header index: Int, on text: [UInt8], counts: inout [Int], tags: inout [String: [[UInt8]]],
                     noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let start = profile?.now() ?? 0
        let rule = rules.header[index]
        let outcome = rule.regex.firstMatch(in: text)
        if case .limitHit = outcome {
            noteLimit(rule.id)
        } else {
            let matched = outcome.isMatch
            if matched != rule.isNegated { counts[rule.id.index] = 1 }
            if matched && rules.headerPlan.capturesTags[index] {
                rules.captureTemplates.collectTags(of: rule.id, regex: rule.regex, text: text, into: &tags)
            }
        }
        profile?.add(rule.id, since: start)
    }
}
