/// Runs the sub-rules `SubRuleDeferral` held back, for one message, when a meta reads them:
/// over the same texts and prefilter candidates their phase had, timed in their phase. What a
/// run reads is kept in stored properties, so that a run does not copy the rule set's structs.
final class DeferredRuleRunner: DeferredRuleResolver {
    private let evaluator: RuleEvaluator
    private let sites: [DeferredRuleSite]
    private let positions: [Int32]
    private let bodyRules: [CompiledPatternRule], rawBodyRules: [CompiledPatternRule], uriRules: [CompiledPatternRule]
    private let bodyLines: [[UInt8]], rawBodyLines: [[UInt8]], uriLines: [[UInt8]]
    private let body: LineCandidates, rawBody: LineCandidates, uri: LineCandidates
    private let views: SpamAssassinViews
    private let full: TargetSet
    private let evalContext: EvalContext?
    private let profile: RuleProfile?
    /// Rules that stopped at a regex limit, in the order they ran.
    private(set) var limited: [RuleID] = []
    /// CPU seconds spent in deferred rules (with a profile).
    private(set) var seconds = 0.0

    init(evaluator: RuleEvaluator, views: SpamAssassinViews, body: LineCandidates, rawBody: LineCandidates, uri: LineCandidates,
         full: TargetSet, evalContext: EvalContext?, profile: RuleProfile?) {
        self.evaluator = evaluator
        let rules = evaluator.rules
        sites = rules.subRuleDeferral.sites
        positions = rules.subRuleDeferral.positions
        bodyRules = rules.body
        rawBodyRules = rules.rawBody
        uriRules = rules.uri
        bodyLines = views.body
        rawBodyLines = views.rawBody
        uriLines = views.uris
        self.views = views
        self.body = body
        self.rawBody = rawBody
        self.uri = uri
        self.full = full
        self.evalContext = evalContext
        self.profile = profile
    }

    func count(of index: Int) -> Int {
        let position = Int(positions[index])
        let start = profile?.now() ?? 0
        let found: Int, phase: RuleProfile.Phase
        switch sites[index] {
        case .body:
            found = evaluator.count(deferred: bodyRules[position], at: position, in: bodyLines, candidates: body, noteLimit: noteLimit)
            phase = .body
        case .rawBody:
            found = evaluator.count(deferred: rawBodyRules[position], at: position, in: rawBodyLines, candidates: rawBody, noteLimit: noteLimit)
            phase = .rawbody
        case .uri:
            found = evaluator.count(deferred: uriRules[position], at: position, in: uriLines, candidates: uri, noteLimit: noteLimit)
            phase = .uri
        case .full:
            found = full.contains(position)
                ? evaluator.count(evaluator.rules.full[position], in: [views.full], candidates: nil, target: 0, noteLimit: noteLimit) : 0
            phase = .full
        case .eval:
            found = evalContext.map { evaluator.rules.compiledEvals[position].test($0) ? 1 : 0 } ?? 0
            phase = .eval
        case .none:
            return 0
        }
        if let profile {
            profile.add(RuleID(index), since: start)
            let spent = profile.now() - start
            profile.add(phase, seconds: spent)
            seconds += spent
        }
        return found
    }

    private func noteLimit(_ id: RuleID) {
        limited.append(id)
    }
}
