extension RuleEvaluator {
    /// The `header` rules, in run order. A rule whose text is absent takes its outcome on the
    /// unset text from `HeaderRulePlan`; one whose required literals are not in its text is a
    /// non-match without running its regex.
    func runHeaderRules(texts: inout HeaderTextCache, isActive: [Bool], counts: inout [Int], tags: inout [String: [[UInt8]]],
                        noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let plan = rules.headerPlan
        var candidates = [TargetSet?](repeating: nil, count: plan.prefilters.count)
        for (index, rule) in rules.header.enumerated() where isActive[rule.id.index] {
            let start = profile?.now() ?? 0
            let slot = rule.requestSlot
            var matched: Bool
            var text: [UInt8]
            if let present = texts.text(slot) {
                text = present
                if let prefilter = plan.prefilters[slot] {
                    if candidates[slot] == nil { candidates[slot] = prefilter.candidates(in: [present]) }
                    if let found = candidates[slot], !found.contains(plan.targets[index]) {
                        if rule.isNegated { counts[rule.id.index] = 1 }
                        profile?.add(rule.id, since: start)
                        continue
                    }
                }
                let outcome = rule.regex.firstMatch(in: present)
                if case .limitHit = outcome { noteLimit(rule.id); profile?.add(rule.id, since: start); continue }
                matched = outcome.isMatch
            } else {
                text = rule.ifUnset ?? []
                if let known = plan.unsetMatches[index] {
                    matched = known
                } else {
                    let outcome = rule.regex.firstMatch(in: text)
                    if case .limitHit = outcome { noteLimit(rule.id); profile?.add(rule.id, since: start); continue }
                    matched = outcome.isMatch
                }
            }
            if matched != rule.isNegated { counts[rule.id.index] = 1 }
            if matched && plan.capturesTags[index] { rules.captureTemplates.collectTags(of: rule.id, regex: rule.regex, text: text, into: &tags) }
            profile?.add(rule.id, since: start)
        }
    }
}
