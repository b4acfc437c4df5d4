/// Runs the sub-rules `SubRuleDeferral` held back, for one message, when a meta reads them:
/// over the same texts and prefilter candidates their phase had, timed in their phase.
final class DeferredRuleRunner: DeferredRuleResolver {
    let evaluator: RuleEvaluator
    let views: SpamAssassinViews
    let body: LineCandidates
    let rawBody: LineCandidates
    let uri: LineCandidates
    let full: TargetSet
    let evalContext: EvalContext?
    let profile: RuleProfile?
    /// Rules that stopped at a regex limit, in the order they ran.
    private(set) var limited: [RuleID] = []
    /// CPU seconds spent in deferred rules (with a profile).
    private(set) var seconds = 0.0

    init(evaluator: RuleEvaluator, views: SpamAssassinViews, body: LineCandidates, rawBody: LineCandidates, uri: LineCandidates,
         full: TargetSet, evalContext: EvalContext?, profile: RuleProfile?) {
        self.evaluator = evaluator
        self.views = views
        self.body = body
        self.rawBody = rawBody
        self.uri = uri
        self.full = full
        self.evalContext = evalContext
        self.profile = profile
    }

    func count(of index: Int) -> Int {
        let rules = evaluator.rules
        let deferral = rules.subRuleDeferral
        let position = Int(deferral.positions[index])
        let start = profile?.now() ?? 0
        let found: Int, phase: RuleProfile.Phase
        let noteLimit = { (id: RuleID) in self.limited.append(id) }
        switch deferral.sites[index] {
        case .body:
            found = evaluator.count(deferred: rules.body[position], at: position, in: views.body, candidates: body, noteLimit: noteLimit)
            phase = .body
        case .rawBody:
            found = evaluator.count(deferred: rules.rawBody[position], at: position, in: views.rawBody, candidates: rawBody, noteLimit: noteLimit)
            phase = .rawbody
        case .uri:
            found = evaluator.count(deferred: rules.uri[position], at: position, in: views.uris, candidates: uri, noteLimit: noteLimit)
            phase = .uri
        case .full:
            found = full.contains(position)
                ? evaluator.count(rules.full[position], in: [views.full], candidates: nil, target: 0, noteLimit: noteLimit) : 0
            phase = .full
        case .eval:
            found = evalContext.map { rules.compiledEvals[position].test($0) ? 1 : 0 } ?? 0
            phase = .eval
        case .none:
            return 0
        }
        if let profile {
            profile.add(RuleID(index), since: start)
            profile.add(phase, since: start)
            seconds += profile.now() - start
        }
        return found
    }
}
