extension RuleEvaluator {
    /// The `header` rules, slot by slot (each text fetched and prefiltered once, then held while
    /// its rules run). A rule whose text is absent takes its outcome on the unset text from
    /// `HeaderRulePlan`; one whose required literals are not in its text (or, in a short text,
    /// whose line gate fails: `SlotPrefilters.candidates`), or whose `HeaderRuleGate` refuses
    /// it, is a non-match without running its regex. Limits and tags
    /// are reported after the scan in run order, as a rule-by-rule scan reports them. Only the
    /// rules whose regex runs are profiled.
    func runHeaderRules(texts: inout HeaderTextCache, isActive: [Bool], counts: inout [Int], tags: inout [String: [[UInt8]]],
                        noteLimit: (RuleID) -> Void, profile: RuleProfile?) {
        let plan = rules.headerPlan
        let profile = profile?.timesRules == true ? profile : nil
        var limited: [Int] = []
        var capturing: [Int] = []
        plan.steps.withUnsafeBufferPointer { steps in
            for slot in 0..<(plan.stepStarts.count - 1) {
                let members = UnsafeBufferPointer(rebasing: steps[plan.stepStarts[slot]..<plan.stepStarts[slot + 1]])
                guard members.contains(where: { isActive[Int($0.rule)] }) else { continue }
                guard let text = texts.text(slot) else {
                    for step in members where isActive[Int(step.rule)] {
                        if step.unsetMatch >= 0, !(step.unsetMatch == 1 && step.capturesTags) {
                            if (step.unsetMatch == 1) != step.isNegated { counts[Int(step.rule)] = 1 }
                        } else {
                            (rules.header[Int(step.header)].ifUnset ?? []).withUnsafeBufferPointer { unset in
                                run(step, on: unset, plan: plan, counts: &counts, limited: &limited, capturing: &capturing, profile: profile)
                            }
                        }
                    }
                    continue
                }
                let prefilter = plan.literals.prefilters[slot]
                text.withUnsafeBufferPointer { buffer in
                    var candidates: TargetSet?
                    var prefiltered = false
                    for step in members where isActive[Int(step.rule)] {
                        if step.target >= 0, let prefilter {
                            if !prefiltered {
                                candidates = plan.literals.candidates(slot: slot, prefilter: prefilter, text: buffer)
                                prefiltered = true
                            }
                            if candidates?.contains(Int(step.target)) == false {
                                if step.isNegated { counts[Int(step.rule)] = 1 }
                                continue
                            }
                        }
                        if step.hasGate, let gate = plan.gates[Int(step.header)], !gate.admits(buffer) {
                            if step.isNegated { counts[Int(step.rule)] = 1 }
                            continue
                        }
                        run(step, on: buffer, plan: plan, counts: &counts, limited: &limited, capturing: &capturing, profile: profile)
                    }
                }
            }
        }
        for index in limited.sorted() { noteLimit(RuleID(plan.ruleIndices[index])) }
        for index in capturing.sorted() {
            let text = texts.text(plan.slots[index]) ?? rules.header[index].ifUnset ?? []
            rules.captureTemplates.collectTags(of: RuleID(plan.ruleIndices[index]), regex: plan.regexes[index], text: text, into: &tags)
        }
    }

    /// Runs the rule of `step` on `text`; a limit hit goes to `limited`, a match of a rule
    /// capturing tags to `capturing` (both by index in `CompiledRuleSet.header`).
    private func run(_ step: HeaderRuleStep, on text: UnsafeBufferPointer<UInt8>, plan: HeaderRulePlan, counts: inout [Int],
                     limited: inout [Int], capturing: inout [Int], profile: RuleProfile?) {
        let start = profile?.now() ?? 0
        let index = Int(step.header)
        let window = step.hasGate ? plan.windows[index] : nil
        let outcome = plan.unretainedRegexes[index]._withUnsafeGuaranteedRef { regex in
            window?.firstMatch(of: regex, in: text) ?? regex.firstMatch(in: text)
        }
        if case .limitHit = outcome {
            limited.append(index)
        } else {
            let matched = outcome.isMatch
            if matched != step.isNegated { counts[Int(step.rule)] = 1 }
            if matched && step.capturesTags { capturing.append(index) }
        }
        profile?.add(RuleID(Int(step.rule)), since: start)
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
