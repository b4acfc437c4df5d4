/// The sub-rules (`__NAME`) that `RuleEvaluator` runs only when a meta reads them, and the
/// metas compiled to ask for them (`LazyMetaProgram`).
///
/// A sub-rule never scores and never shows in a report: only metas read its count. So the
/// body, rawbody, full, uri and eval sub-rules wait: the evaluator runs everything else, then the
/// reported metas, and a deferred rule runs (once) when a meta actually reads it. Perl's
/// short-circuit `&&` / `||` skips the operands after the one that decides, and operands whose
/// truth alone counts are put free ones first (`MetaExpression.freeOperandsFirst`), so a
/// sub-rule behind a false gate (`__BITCOIN_ID && __PAY_ME`) or feeding only sub-metas no
/// reported meta needs never runs. Every reported hit is what running all rules would give.
/// Header, mimeheader and `exists:` sub-rules, and rules with capture templates, run as before.
struct SubRuleDeferral: Sendable {
    /// Per rule (`RuleID.index`): where it runs when deferred.
    let sites: [DeferredRuleSite]
    /// Per rule: its position in the list `sites` names.
    let positions: [Int32]
    /// Per score set (`ScoreSet.rawValue`), per rule: whether it runs in its phase (active and
    /// not deferred).
    let firstPass: [[Bool]]
    /// Per score set: the counts a message starts from: -1 (unknown) for active deferred rules
    /// and active metas, 0 for the rest.
    let initialCounts: [[Int]]
    /// Per score set: the rules that start unknown, to be made 0 when nothing read them.
    let startUnknown: [[Int32]]
    /// Per score set: the metas, run on demand (or all in order when every rule runs).
    let programs: [LazyMetaProgram]
    /// Per rule: where a `RuleEvaluation.limitHits` entry goes when all rules run (phase, then
    /// position in it), so a deferred rule's entry keeps its place.
    let limitOrder: [Int32]
    /// How many rules are deferred.
    let deferredCount: Int
    /// The deferred rules with a prefilter, by site (body, rawbody, full, uri): each rule's
    /// index and its target in the site's prefilter.
    private let prefiltered: [[(rule: Int32, target: Int32)]]

    init(ruleSet: RuleSet, header: [CompiledPatternRule], mimeHeader: [CompiledPatternRule], body: [CompiledPatternRule],
         rawBody: [CompiledPatternRule], full: [CompiledPatternRule], uri: [CompiledPatternRule], evals: [RuleID],
         metas: [(id: RuleID, expression: MetaExpression)], activeRules: [[Bool]], isSubRule: [Bool]) {
        let ruleCount = ruleSet.count
        var sites = [DeferredRuleSite](repeating: .none, count: ruleCount)
        var positions = [Int32](repeating: -1, count: ruleCount)
        var limitOrder = [Int32](repeating: Int32.max, count: ruleCount)
        var order: Int32 = 0
        let lists: [(DeferredRuleSite, [RuleID])] = [(.none, header.map(\.id)), (.none, mimeHeader.map(\.id)), (.body, body.map(\.id)),
                                                      (.rawBody, rawBody.map(\.id)), (.full, full.map(\.id)), (.uri, uri.map(\.id)),
                                                      (.eval, evals)]
        for (site, ids) in lists {
            for (position, id) in ids.enumerated() {
                limitOrder[id.index] = order
                order += 1
                guard site != .none, isSubRule[id.index] else { continue }
                sites[id.index] = site
                positions[id.index] = Int32(position)
            }
        }
        self.sites = sites
        self.positions = positions
        self.limitOrder = limitOrder
        deferredCount = sites.count { $0 != .none }
        prefiltered = [DeferredRuleSite.body, .rawBody, .full, .uri].map { site in
            sites.indices.filter { sites[$0] == site }.map { (rule: Int32($0), target: positions[$0]) }
        }
        var isMeta = [Bool](repeating: false, count: ruleCount)
        for meta in metas { isMeta[meta.id.index] = true }
        // What a read costs: a deferred rule 1, a meta what its own reads cost.
        var cost = [Int](repeating: 0, count: ruleCount)
        for (index, site) in sites.enumerated() where site != .none { cost[index] = 1 }
        let cheapFirst = metas.map { meta in
            let expression = meta.expression.freeOperandsFirst { cost[$0.index] }
            cost[meta.id.index] = min(expression.readCost { cost[$0.index] }, 1 << 40)
            return (id: meta.id, expression: expression)
        }
        var firstPass: [[Bool]] = [], initialCounts: [[Int]] = [], startUnknown: [[Int32]] = [], programs: [LazyMetaProgram] = []
        for active in activeRules {
            firstPass.append(active.indices.map { active[$0] && sites[$0] == .none })
            let unknown = active.indices.filter { active[$0] && (sites[$0] != .none || isMeta[$0]) }
            var counts = [Int](repeating: 0, count: ruleCount)
            for index in unknown { counts[index] = -1 }
            initialCounts.append(counts)
            startUnknown.append(unknown.map { Int32($0) })
            programs.append(LazyMetaProgram(metas: cheapFirst, ruleCount: ruleCount, isActive: { active[$0.index] }, isSubRule: isSubRule))
        }
        self.firstPass = firstPass
        self.initialCounts = initialCounts
        self.startUnknown = startUnknown
        self.programs = programs
    }

    /// Sets the count of each unknown deferred rule its prefilter ruled out in this message (no
    /// candidate line; for full rules, not a candidate) to 0, the count running it would give,
    /// so that no meta needs to ask for it. The sets are the prefilters' `LineCandidates.anyLine`
    /// (full: the message's candidates).
    func settleRuledOut(counts: inout [Int], body: TargetSet, rawBody: TargetSet, full: TargetSet, uri: TargetSet) {
        counts.withUnsafeMutableBufferPointer { counts in
            func settle(_ rules: [(rule: Int32, target: Int32)], _ candidates: TargetSet) {
                for (rule, target) in rules where !candidates.contains(Int(target)) && counts[Int(rule)] < 0 {
                    counts[Int(rule)] = 0
                }
            }
            settle(prefiltered[0], body)
            settle(prefiltered[1], rawBody)
            settle(prefiltered[2], full)
            settle(prefiltered[3], uri)
        }
    }
}
