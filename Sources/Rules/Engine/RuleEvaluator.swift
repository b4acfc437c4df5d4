import MailMessage

/// Runs a `CompiledRuleSet` over messages the way SpamAssassin does: header rules (`=~`, `!~`,
/// `[if-unset: …]`, `exists:`), body and rawbody rules on each line (paragraph) of their view,
/// full rules on the whole message, uri rules on each URI, the supported `eval:` functions, then
/// the metas in dependency order over the hit counts. Scores come from score set 0, or set 2 when
/// a Bayes probability is known.
public struct RuleEvaluator: Sendable {
    public let rules: CompiledRuleSet
    public let environment: ViewEnvironment

    /// Hits counted for a `tflags multiple` rule without `maxhits`.
    public static let defaultMaxHits = 1000

    /// `environment` nil: the one the rule files configure (`CompiledRuleSet.viewEnvironment`).
    public init(rules: CompiledRuleSet, environment: ViewEnvironment? = nil) {
        self.rules = rules
        self.environment = environment ?? rules.viewEnvironment
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
        var counts = [Int](repeating: 0, count: rules.isSubRule.count)
        var limited: [String] = []
        var limitedIDs = Set<RuleID>()
        func noteLimit(_ id: RuleID) {
            if limitedIDs.insert(id).inserted { limited.append(rules.ruleSet[id].name) }
        }
        let activeRules = rules.activeRules[scoreSet.rawValue]
        func active(_ id: RuleID) -> Bool { activeRules[id.index] }
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
        runHeaderRules(texts: &headerTexts, isActive: activeRules, counts: &counts, tags: &tags, noteLimit: noteLimit, profile: profile)
        endPhase(.header)
        runMimeHeaderRules(views: views, isActive: activeRules, counts: &counts, noteLimit: noteLimit, profile: profile)
        endPhase(.mimeheader)
        for (index, (id, _)) in rules.exists.enumerated() where active(id) {
            timed(id) {
                if headerTexts.hasText(rules.existsSlots[index]) { counts[id.index] = 1 }
            }
        }
        endPhase(.exists)

        countByLine(rules.body, prefilter: rules.bodyPrefilter, lines: views.body, active: active, counts: &counts, noteLimit: noteLimit,
                    profile: profile, prefiltered: { endPhase(.bodyPrefilter) })
        endPhase(.body)
        countByLine(rules.rawBody, prefilter: rules.rawBodyPrefilter, lines: views.rawBody, active: active, counts: &counts,
                    noteLimit: noteLimit, profile: profile)
        endPhase(.rawbody)
        let fullCandidates = rules.fullPrefilter.candidates(in: [views.full])
        for (index, rule) in rules.full.enumerated() where active(rule.id) && fullCandidates.contains(index) {
            timed(rule.id) {
                counts[rule.id.index] = count(rule, in: [views.full], candidates: nil, target: 0, noteLimit: noteLimit)
            }
        }
        endPhase(.full)
        countByLine(rules.uri, prefilter: rules.uriPrefilter, lines: views.uris, active: active, counts: &counts, noteLimit: noteLimit, profile: profile)
        endPhase(.uri)
        rules.captureTemplates.evaluate(views, tags: tags, isActive: active, counts: &counts)
        if !rules.compiledEvals.isEmpty {
            let context = EvalContext(views: views, bayesProbability: bayesProbability, configuration: rules.evalConfiguration,
                                      valuesSeen: headerTexts.seen(slotByRequest: rules.headerPlan.slotByRequest))
            for eval in rules.compiledEvals where active(eval.id) {
                timed(eval.id) {
                    if eval.test(context) { counts[eval.id.index] = 1 }
                }
            }
        }
        endPhase(.eval)
        rules.metaPrograms[scoreSet.rawValue].run(counts: &counts)
        endPhase(.meta)

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
