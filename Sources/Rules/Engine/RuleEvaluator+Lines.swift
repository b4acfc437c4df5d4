extension RuleEvaluator {
    /// Runs the rules of a view matched line by line (`body`, `rawbody`, `uri`): one prefilter
    /// pass finds, per line, the rules whose literals occur there; a rule then runs only on those
    /// lines, and a rule absent from every line is not looked at again. ASCII lines run each
    /// rule's projection for their `TextKind`.
    func countByLine(_ rules: [CompiledPatternRule], prefilter: LiteralPrefilter, lines: [[UInt8]], active: (RuleID) -> Bool,
                     counts: inout [Int], noteLimit: (RuleID) -> Void, profile: RuleProfile?, prefiltered: () -> Void = {}) {
        let candidates = prefilter.candidatesByLine(in: lines)
        prefiltered()
        let lineKinds = lines.map { TextKind(of: $0) }
        for index in candidates.anyLine.members where index < rules.count {
            let rule = rules[index]
            guard active(rule.id) else { continue }
            let start = profile?.now() ?? 0
            counts[rule.id.index] = count(rule, in: lines, candidates: candidates.lines, target: index, textKinds: lineKinds,
                                           noteLimit: noteLimit)
            profile?.add(rule.id, since: start)
        }
    }
}
