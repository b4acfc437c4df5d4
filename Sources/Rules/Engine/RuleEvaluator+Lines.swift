extension RuleEvaluator {
    /// Runs the rules of a view matched line by line (`body`, `rawbody`, `uri`): one prefilter
    /// pass finds, per line, the rules whose literals occur there and whose `LineGate` the line
    /// passes; a rule then runs only on those lines, and a rule absent from every line is not
    /// looked at again. ASCII lines run each rule's projection for their `TextKind`. Returns
    /// what the prefilter found, for the rules `active` held back.
    @discardableResult
    func countByLine(_ rules: [CompiledPatternRule], prefilter: LiteralPrefilter, lines: [[UInt8]], active: (RuleID) -> Bool,
                     counts: inout [Int], noteLimit: (RuleID) -> Void, profile: RuleProfile?, prefiltered: () -> Void = {}) -> LineCandidates {
        let candidates = prefilter.candidatesByLine(in: lines)
        prefiltered()
        for index in candidates.anyLine.members where index < rules.count {
            let rule = rules[index]
            guard active(rule.id) else { continue }
            let start = profile?.now() ?? 0
            counts[rule.id.index] = count(rule, in: lines, candidates: candidates, target: index, noteLimit: noteLimit)
            profile?.add(rule.id, since: start)
        }
        return candidates
    }

    /// The count of `rule`, target `position` of the prefilter that found `candidates` in `lines`:
    /// 0 without running it when the prefilter ruled out every line.
    func count(deferred rule: CompiledPatternRule, at position: Int, in lines: [[UInt8]], candidates: LineCandidates,
               noteLimit: (RuleID) -> Void) -> Int {
        guard candidates.anyLine.contains(position) else { return 0 }
        return count(rule, in: lines, candidates: candidates, target: position, noteLimit: noteLimit)
    }

    /// `count(_:in:candidates:target:textKinds:noteLimit:)` over the lines `candidates` holds the
    /// rule for.
    func count(_ rule: CompiledPatternRule, in lines: [[UInt8]], candidates: LineCandidates, target: Int,
               noteLimit: (RuleID) -> Void) -> Int {
        count(rule, in: lines, noteLimit: noteLimit, runsOn: { candidates.contains(target, line: $0) },
              kindOf: { candidates.textKinds[$0] })
    }
}
