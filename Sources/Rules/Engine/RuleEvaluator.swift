import MailMessage

/// Runs a `CompiledRuleSet` over messages the way SpamAssassin does: header rules (`=~`, `!~`,
/// `[if-unset: …]`, `exists:`), body and rawbody rules on each line (paragraph) of their view,
/// full rules on the whole message, uri rules on each URI, the supported `eval:` functions, then
/// the metas in dependency order over the hit counts. Scores come from score set 0, or set 2 when
/// a Bayes probability is known. Body, rawbody, full, uri and eval sub-rules run only when a
/// meta reads them (`SubRuleDeferral`), unless `evaluatesAllSubRules`.
public struct RuleEvaluator: Sendable {
    public let rules: CompiledRuleSet
    public let environment: ViewEnvironment
    /// Whether every active rule runs, so that `RuleEvaluation.counts` holds every sub-rule's
    /// count (for analysis and tests). When false, a sub-rule no meta needed counts 0 there;
    /// `matches` and scores are the same either way.
    public let evaluatesAllSubRules: Bool

    /// Hits counted for a `tflags multiple` rule without `maxhits`.
    public static let defaultMaxHits = 1000

    /// `environment` nil: the one the rule files configure (`CompiledRuleSet.viewEnvironment`).
    public init(rules: CompiledRuleSet, environment: ViewEnvironment? = nil, evaluatesAllSubRules: Bool = false) {
        self.rules = rules
        self.environment = environment ?? rules.viewEnvironment
        self.evaluatesAllSubRules = evaluatesAllSubRules
    }

    /// `profile`: when given, collects where the time goes (slower).
    public func evaluate(_ message: MailMessage, envelopeFrom: String? = nil, bayesProbability: Double? = nil,
                         profile: RuleProfile? = nil) -> RuleEvaluation {
        let start = profile?.now() ?? 0
        let views = SpamAssassinViews(message: message, envelopeFrom: envelopeFrom, environment: environment)
        profile?.add(.views, since: start)
        return evaluate(views, bayesProbability: bayesProbability, profile: profile)
    }

    public func evaluate(_ views: SpamAssassinViews, bayesProbability: Double? = nil, profile: RuleProfile? = nil) -> RuleEvaluation {
        let scoreSet = ScoreSet(bayes: bayesProbability != nil, network: false)
        let deferral = rules.subRuleDeferral
        let defers = !evaluatesAllSubRules && deferral.deferredCount > 0
        var counts = defers ? deferral.initialCounts[scoreSet.rawValue] : [Int](repeating: 0, count: rules.isSubRule.count)
        var limitedIDs: [RuleID] = []
        var limitedSeen = Set<RuleID>()
        func noteLimit(_ id: RuleID) {
            if limitedSeen.insert(id).inserted { limitedIDs.append(id) }
        }
        let activeRules = rules.activeRules[scoreSet.rawValue]
        // The rules that run in their phase; a deferred rule waits for a meta to read it.
        let runsNow = defers ? deferral.firstPass[scoreSet.rawValue] : activeRules
        func active(_ id: RuleID) -> Bool { runsNow[id.index] }
        var tags: [String: [[UInt8]]] = [:]
        var phaseStart = profile?.now() ?? 0
        func endPhase(_ phase: RuleProfile.Phase) {
            guard let profile else { return }
            profile.add(phase, since: phaseStart)
            phaseStart = profile.now()
        }
        func timed(_ id: RuleID, _ body: () -> Void) {
            guard let profile, profile.timesRules else { return body() }
            let start = profile.now()
            body()
            profile.add(id, since: start)
        }

        var headerTexts = HeaderTextCache(views: views, requests: rules.headerRequests, presence: rules.headerPlan.presence)
        runHeaderRules(texts: &headerTexts, isActive: runsNow, counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
        endPhase(.header)
        runMimeHeaderRules(views: views, isActive: runsNow, counts: &counts, noteLimit: noteLimit, profile: profile)
        endPhase(.mimeheader)
        for (index, (id, _)) in rules.exists.enumerated() where active(id) {
            timed(id) {
                if headerTexts.hasText(rules.existsSlots[index]) { counts[id.index] = 1 }
            }
        }
        endPhase(.exists)

        let bodyCandidates = countByLine(rules.body, prefilter: rules.bodyPrefilter, lines: views.body, active: active, counts: &counts,
                                         noteLimit: noteLimit, profile: profile, prefiltered: { endPhase(.bodyPrefilter) })
        endPhase(.body)
        let rawBodyCandidates = countByLine(rules.rawBody, prefilter: rules.rawBodyPrefilter, lines: views.rawBody, active: active,
                                            counts: &counts, noteLimit: noteLimit, profile: profile)
        endPhase(.rawbody)
        let fullCandidates = rules.fullPrefilter.candidates(in: [views.full])
        for (index, rule) in rules.full.enumerated() where active(rule.id) && fullCandidates.contains(index) {
            timed(rule.id) {
                counts[rule.id.index] = count(rule, in: [views.full], candidates: nil, target: 0, noteLimit: noteLimit)
            }
        }
        endPhase(.full)
        let uriCandidates = countByLine(rules.uri, prefilter: rules.uriPrefilter, lines: views.uris, active: active, counts: &counts,
                                        noteLimit: noteLimit, profile: profile)
        endPhase(.uri)
        rules.captureTemplates.evaluate(views, tags: tags, isActive: active, counts: &counts)
        var evalContext: EvalContext?
        if !rules.compiledEvals.isEmpty {
            let context = EvalContext(views: views, bayesProbability: bayesProbability, configuration: rules.evalConfiguration,
                                      valuesSeen: headerTexts.seen(slotByRequest: rules.headerPlan.slotByRequest))
            evalContext = context
            for eval in rules.compiledEvals where active(eval.id) {
                timed(eval.id) {
                    if eval.test(context) { counts[eval.id.index] = 1 }
                }
            }
        }
        endPhase(.eval)
        if defers {
            deferral.settleRuledOut(counts: &counts, body: bodyCandidates.anyLine, rawBody: rawBodyCandidates.anyLine, full: fullCandidates,
                                    uri: uriCandidates.anyLine)
            let runner = DeferredRuleRunner(evaluator: self, views: views, body: bodyCandidates, rawBody: rawBodyCandidates, uri: uriCandidates,
                                            full: fullCandidates, evalContext: evalContext, profile: profile)
            deferral.programs[scoreSet.rawValue].run(counts: &counts, resolver: runner)
            for index in deferral.startUnknown[scoreSet.rawValue] where counts[Int(index)] < 0 { counts[Int(index)] = 0 }
            for id in runner.limited { noteLimit(id) }
            if limitedIDs.count > 1 { limitedIDs.sort { deferral.limitOrder[$0.index] < deferral.limitOrder[$1.index] } }
            // The deferred rules' time went to their own phases.
            phaseStart += runner.seconds
        } else {
            deferral.programs[scoreSet.rawValue].runEveryMeta(counts: &counts)
        }
        endPhase(.meta)
        let limited = limitedIDs.map { rules.ruleSet[$0].name }

        var matches: [RuleMatch] = []
        let allRules = rules.ruleSet.rules
        let isSubRule = rules.isSubRule
        for index in counts.indices where counts[index] > 0 && activeRules[index] && !isSubRule[index] {
            let rule = allRules[index]
            matches.append(RuleMatch(name: rule.name, score: rule.score(in: scoreSet), description: rule.description ?? rule.name,
                                     count: counts[index]))
        }
        return RuleEvaluation(matches: matches, scoreSet: scoreSet, limitHits: limited, counts: counts)
    }

    /// Hits of a pattern rule over the texts of its view: 1 when any text matches, or for a
    /// `tflags multiple` rule every match, up to `maxhits`. A `nosubject` body rule skips the
    /// first text, the Subject line. An ASCII text runs the rule's projection for its kind
    /// (`textKinds`: the kind of each text, when the caller knows).
    func count(_ rule: CompiledPatternRule, in texts: [[UInt8]], candidates: [TargetSet]?, target: Int, textKinds: [TextKind]? = nil,
               noteLimit: (RuleID) -> Void) -> Int {
        count(rule, in: texts, noteLimit: noteLimit, runsOn: { candidates?[$0].contains(target) ?? true },
              kindOf: { textKinds?[$0] ?? TextKind(of: texts[$0]) })
    }

    /// The loop of both `count`s: `runsOn(i)` says whether text i may match at all (the
    /// prefilter's answer), `kindOf(i)` its `TextKind`, asked only of rules with projections.
    func count(_ rule: CompiledPatternRule, in texts: [[UInt8]], noteLimit: (RuleID) -> Void,
               runsOn: (Int) -> Bool, kindOf: (Int) -> TextKind) -> Int {
        let limit = rule.hitLimit
        var total = 0
        for (index, text) in texts.enumerated() where runsOn(index) {
            if index == 0 && rule.skipsSubjectLine { continue }
            guard let regex = rule.searchRegex(for: rule.usesProjections ? kindOf(index) : .eightBit) else { continue }
            let result = regex.count(in: text, maxHits: limit - total)
            if result.limitHit != nil { noteLimit(rule.id) }
            total += result.count
            if total >= limit { break }
        }
        return total
    }
}
