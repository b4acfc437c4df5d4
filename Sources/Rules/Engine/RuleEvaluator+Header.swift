extension RuleEvaluator {
    /// The `header` rules, in run order. A rule whose text is absent takes its outcome on the
    /// unset text from `HeaderRulePlan`; one whose required literals are not in its text, or
    /// whose `HeaderRuleGate` refuses it, is a non-match without running its regex. Only the rules whose regex runs are profiled.
    func runHeaderRules(texts: inout HeaderTextCache, isActive: [Bool], counts: inout [Int], tags: inout [String: [[UInt8]]],
                        noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let plan = rules.headerPlan
        let profile = profile?.timesRules == true ? profile : nil
        var candidates = [TargetSet?](repeating: nil, count: plan.literals.prefilters.count)
        for index in plan.slots.indices where isActive[plan.ruleIndices[index]] {
            let slot = plan.slots[index]
            guard let present = texts.text(slot) else {
                if let known = plan.unsetMatches[index], !(known && plan.capturesTags[index]) {
                    if known != plan.isNegated[index] { counts[plan.ruleIndices[index]] = 1 }
                } else {
                    run(header: index, on: rules.header[index].ifUnset ?? [], plan: plan, counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
                }
                continue
            }
            guard plan.literals.mayMatch(rule: index, slot: slot, texts: { [present] }, found: &candidates),
                  plan.gates[index]?.admits(present) ?? true else {
                if plan.isNegated[index] { counts[plan.ruleIndices[index]] = 1 }
                continue
            }
            run(header: index, on: present, plan: plan, counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
        }
    }

    /// Runs header rule `index` (in `CompiledRuleSet.header`) on `text`.
    private func run(header index: Int, on text: [UInt8], plan: HeaderRulePlan, counts: inout [Int], tags: inout [String: [[UInt8]]],
                     noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let start = profile?.now() ?? 0
        let id = RuleID(plan.ruleIndices[index])
        let regex = plan.regexes[index]
        let outcome = regex.firstMatch(in: text)
        if case .limitHit = outcome {
            noteLimit(id)
        } else {
            let matched = outcome.isMatch
            if matched != plan.isNegated[index] { counts[id.index] = 1 }
            if matched && plan.capturesTags[index] {
                rules.captureTemplates.collectTags(of: id, regex: regex, text: text, into: &tags)
            }
        }
        profile?.add(id, since: start)
    }

    /// The `mimeheader` rules, in run order: a rule hits when its regex matches the field in any
    /// MIME part (or, negated, in none). A slot's texts are built on first use, and a rule whose
    /// required literals occur in none of them is a non-match without running its regex.
    func runMimeHeaderRules(views: SpamAssassinViews, isActive: [Bool], counts: inout [Int], noteLimit: (RuleID) -> Void,
                            profile: RuleProfile?) {
        let plan = rules.mimeHeaderPlan
        let profile = profile?.timesRules == true ? profile : nil
        var texts = [[[UInt8]]?](repeating: nil, count: rules.mimeHeaderRequests.count)
        var candidates = [TargetSet?](repeating: nil, count: plan.prefilters.count)
        for (index, rule) in rules.mimeHeader.enumerated() where isActive[rule.id.index] {
            let slot = rule.requestSlot
            if texts[slot] == nil {
                let request = rules.mimeHeaderRequests[slot]
                texts[slot] = views.mimeHeaderTexts(request.name, raw: request.raw).compactMap { $0 }
            }
            let slotTexts = texts[slot] ?? []
            guard plan.mayMatch(rule: index, slot: slot, texts: { slotTexts }, found: &candidates) else {
                if rule.isNegated { counts[rule.id.index] = 1 }
                continue
            }
            let start = profile?.now() ?? 0
            var matched = false
            for text in slotTexts {
                let outcome = rule.regex.firstMatch(in: text)
                if case .limitHit = outcome { noteLimit(rule.id) }
                if outcome.isMatch { matched = true; break }
            }
            if matched != rule.isNegated { counts[rule.id.index] = 1 }
            profile?.add(rule.id, since: start)
        }
    }
}
