import ScanModel

/// A `RuleSet` made ready to run: every active regex rule (header, mimeheader, body, rawbody,
/// full, uri) compiled once, and the literal prefilter over the body rules. A regex that does not
/// compile is reported in `problems` and its rule never hits; nothing here is fatal. Immutable,
/// so one instance serves every scanning thread.
public final class CompiledRuleSet: Sendable {
    public let ruleSet: RuleSet
    /// Compiled rules by kind, in run order (priority, then definition).
    public let header: [CompiledPatternRule]
    public let mimeHeader: [CompiledPatternRule]
    public let body: [CompiledPatternRule]
    public let rawBody: [CompiledPatternRule]
    public let full: [CompiledPatternRule]
    public let uri: [CompiledPatternRule]
    /// `header NAME exists:Field` rules.
    public let exists: [(id: RuleID, request: HeaderRequest)]
    /// The distinct header texts the header and `exists:` rules read (`CompiledPatternRule.requestSlot`).
    public let headerRequests: [HeaderRequest]
    /// The distinct (name, raw) pairs the mimeheader rules read.
    public let mimeHeaderRequests: [HeaderRequest]
    /// For each `exists` rule, its slot in `headerRequests`.
    let existsSlots: [Int]
    /// Prefilters and precomputed outcomes that let the header rules skip their regexes.
    let headerPlan: HeaderRulePlan
    /// Prefilters that let the mimeheader rules skip their regexes.
    let mimeHeaderPlan: SlotPrefilters
    /// Per score set (`ScoreSet.rawValue`), per rule (`RuleID.index`): whether it runs.
    let activeRules: [[Bool]]
    /// Per rule: whether it is a sub-rule (`__NAME`), never reported as a match.
    let isSubRule: [Bool]
    /// Literal prefilters: target `i` is `body[i]` (per line), `rawBody[i]` (per chunk), `uri[i]`
    /// (per URI), `full[i]` (whole message).
    public let bodyPrefilter: LiteralPrefilter
    /// Rules whose patterns hold `%{NAME}` capture templates, and the rules capturing the tags.
    let captureTemplates: CaptureTemplates
    public let rawBodyPrefilter: LiteralPrefilter
    public let uriPrefilter: LiteralPrefilter
    public let fullPrefilter: LiteralPrefilter
    /// Rules left out: regexes that did not compile.
    public let problems: [RuleProblem]
    /// The views' settings from the rule files: `util_rb_tld` TLDs and `redirector_pattern`s.
    public let viewEnvironment: ViewEnvironment
    /// Eval rules whose function swfilter does not implement (or whose arguments it refuses),
    /// in run order: they never hit.
    public let unsupportedRules: [UnsupportedRule]
    /// The eval rules that run, with their arguments checked.
    let compiledEvals: [CompiledEval]
    let evalConfiguration: EvalConfiguration
    /// The sub-rules run only when a meta reads them, unless the evaluator runs all rules.
    let subRuleDeferral: SubRuleDeferral

    /// The score sets a rule may run in; a rule active in none of them is not compiled.
    static let scoreSets: [ScoreSet] = [.local, .bayes]

    public init(_ ruleSet: RuleSet, limits: RegexLimits = .default) {
        self.ruleSet = ruleSet
        var compiled: [RuleKind: [CompiledPatternRule]] = [:]
        // Body, rawbody, full and uri rules by kind, built once their regexes compiled.
        var pending: [RuleKind: [RuleSetBuildStep]] = [:]
        var exists: [(id: RuleID, request: HeaderRequest)] = []
        var evals: [(id: RuleID, function: String, arguments: [EvalArgument])] = []
        var problems: [RuleProblem] = []
        var templates = CaptureTemplates(limits: limits)
        // What the pattern readers read of groups, shared by every build step.
        let memos = PatternReadingMemos()
        var headerSlots: [HeaderRequest: Int] = [:], headerRequests: [HeaderRequest] = []
        var mimeSlots: [HeaderRequest: Int] = [:], mimeRequests: [HeaderRequest] = []
        func slot(_ request: HeaderRequest, mime: Bool) -> Int {
            if mime {
                let key = HeaderRequest(name: request.name, raw: request.raw)
                if let known = mimeSlots[key] { return known }
                mimeRequests.append(key)
                mimeSlots[key] = mimeRequests.count - 1
                return mimeRequests.count - 1
            }
            if let known = headerSlots[request] { return known }
            headerRequests.append(request)
            headerSlots[request] = headerRequests.count - 1
            return headerRequests.count - 1
        }
        func regexes(of steps: [RuleSetBuildStep]?) -> [CompiledRegex] {
            (steps ?? []).compactMap { step in
                guard case .rule(_, let regex, _, _, _) = step else { return nil }
                return regex
            }
        }
        let runnable = ruleSet.rules.filter { rule in CompiledRuleSet.scoreSets.contains { rule.isActive(in: $0) } }
            .sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        // Each regex compiles on its own: on every core.
        let sources = runnable.map(CompiledRuleSet.compiledPattern)
        let outcomes = ParallelMap.map(sources) { pattern -> Result<CompiledRegex, RegexCompileError>? in
            guard let pattern else { return nil }
            do throws(RegexCompileError) {
                return .success(try CompiledRegex(bytes: pattern.source, options: RegexOptions(rawValue: pattern.options.rawValue), limits: limits))
            } catch {
                return .failure(error)
            }
        }
        for (rule, outcome) in zip(runnable, outcomes) {
            switch rule.test {
            case .pattern(let pattern):
                guard [.body, .rawbody, .full, .uri].contains(rule.kind) else { continue }
                if !pattern.captureTemplates.isEmpty {
                    templates.addTemplated(.init(id: rule.id, kind: rule.kind, pattern: pattern, header: nil, request: nil))
                    continue
                }
                switch outcome {
                case .success(let regex)?:
                    pending[rule.kind, default: []].append(.rule(id: rule.id, regex: regex, flags: rule.flags,
                                                                 skipsSubjectLine: rule.kind == .body && rule.flags.isNoSubject,
                                                                 memos: memos))
                case .failure(let error)?:
                    problems.append(RuleProblem(.error, at: rule.location, "regex does not compile: \(error.message) at offset \(error.offset)", rule: rule.name))
                case nil:
                    continue
                }
            case .header(let test):
                if !test.pattern.captureTemplates.isEmpty {
                    templates.addTemplated(.init(id: rule.id, kind: rule.kind, pattern: test.pattern, header: test,
                                                 request: HeaderRequest(parsing: test.header.description)))
                    continue
                }
                switch outcome {
                case .success(let regex)?:
                    let request = HeaderRequest(parsing: test.header.description)
                    if rule.kind == .header { templates.addCaptures(of: rule.id, pattern: test.pattern) }
                    let requestSlot = slot(request, mime: rule.kind == .mimeheader)
                    compiled[rule.kind, default: []].append(CompiledPatternRule(id: rule.id, regex: regex, header: test, request: request,
                                                                                requestSlot: requestSlot, flags: rule.flags))
                case .failure(let error)?:
                    problems.append(RuleProblem(.error, at: rule.location, "regex does not compile: \(error.message) at offset \(error.offset)", rule: rule.name))
                case nil:
                    continue
                }
            case .exists(let selector):
                exists.append((rule.id, HeaderRequest(parsing: selector.description)))
            case .eval(let function, let arguments):
                evals.append((rule.id, function, arguments))
            case .meta, .plugin, .none:
                continue
            }
        }
        let header = compiled[.header] ?? []
        self.header = header
        let mimeHeader = compiled[.mimeheader] ?? []
        self.mimeHeader = mimeHeader
        self.exists = exists
        existsSlots = exists.map { slot($0.request, mime: false) }
        self.headerRequests = headerRequests
        mimeHeaderRequests = mimeRequests
        // The rest is independent pieces, the largest first so that the cores finish together.
        let lineKinds: [RuleKind] = [.body, .uri, .rawbody, .full]
        var steps: [RuleSetBuildStep] = [.prefilter(regexes(of: pending[.body]), lineFormulas: true, memos: memos),
                                         .headerPlan(rules: header, requests: headerRequests, templates: templates, memos: memos),
                                         .mimeHeaderPlan(rules: mimeHeader, slotCount: mimeRequests.count, memos: memos)]
        steps += lineKinds.dropFirst().map { .prefilter(regexes(of: pending[$0]), lineFormulas: $0 != .full, memos: memos) }
        for kind in lineKinds { steps += pending[kind] ?? [] }
        var products = ParallelMap.map(steps) { $0.run() }[...]
        func next() -> RuleSetBuildStep.Product { products.removeFirst() }
        guard case .prefilter(let bodyPrefilter) = next(), case .headerPlan(let headerPlan) = next(),
              case .mimeHeaderPlan(let mimeHeaderPlan) = next(), case .prefilter(let uriPrefilter) = next(),
              case .prefilter(let rawBodyPrefilter) = next(), case .prefilter(let fullPrefilter) = next() else {
            preconditionFailure("build steps out of order")
        }
        var built: [RuleKind: [CompiledPatternRule]] = [:]
        for kind in lineKinds {
            built[kind] = (pending[kind] ?? []).map { _ in
                guard case .rule(let rule) = next() else { preconditionFailure("build steps out of order") }
                return rule
            }
        }
        body = built[.body] ?? []
        rawBody = built[.rawbody] ?? []
        full = built[.full] ?? []
        uri = built[.uri] ?? []
        self.bodyPrefilter = bodyPrefilter
        self.rawBodyPrefilter = rawBodyPrefilter
        self.uriPrefilter = uriPrefilter
        self.fullPrefilter = fullPrefilter
        self.headerPlan = headerPlan
        self.mimeHeaderPlan = mimeHeaderPlan
        // The metas that can run, each after those it reads.
        let metas = ruleSet.metaEvaluationOrder.compactMap { id in ruleSet[id].metaExpression.map { (id: id, expression: $0) } }
        let activeRules = ScoreSet.allCases.map { set in ruleSet.rules.map { $0.isActive(in: set) } }
        self.activeRules = activeRules
        isSubRule = ruleSet.rules.map(\.isSubRule)
        captureTemplates = templates
        var options = ViewOptions()
        for setting in ruleSet.settings(named: "util_rb_tld") {
            options.validTLDs.formUnion(setting.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() })
        }
        for setting in ruleSet.settings where setting.name == "originating_ip_headers" || setting.name == "clear_originating_ip_headers" {
            if setting.name.hasPrefix("clear_") {
                options.originatingIPHeaders = []
            } else {
                options.originatingIPHeaders += setting.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            }
        }
        options.redirectorPatterns = ruleSet.redirectorPatterns.compactMap { pattern in
            try? CompiledRegex(bytes: pattern.source, options: RegexOptions(rawValue: pattern.options.rawValue), limits: limits)
        }
        viewEnvironment = (try? ViewEnvironment(options: options)) ?? .standard
        let configuration = EvalConfiguration(ruleSet, validTLDs: viewEnvironment.options.validTLDs)
        var compiledEvals: [CompiledEval] = []
        var unsupported: [UnsupportedRule] = []
        for (id, function, arguments) in evals {
            let site = EvalCallSite(function: function, arguments: arguments, kind: ruleSet[id].kind, configuration: configuration)
            switch EvalRegistry.implementation(for: site) {
            case .test(let test): compiledEvals.append(CompiledEval(id: id, test: test))
            case .unsupported(let reason): unsupported.append(UnsupportedRule(rule: ruleSet[id].name, function: function, reason: reason))
            }
        }
        self.compiledEvals = compiledEvals
        unsupportedRules = unsupported
        evalConfiguration = configuration
        self.problems = problems
        subRuleDeferral = SubRuleDeferral(ruleSet: ruleSet, header: header, mimeHeader: mimeHeader, body: body, rawBody: rawBody, full: full,
                                          uri: uri, evals: compiledEvals.map(\.id), metas: metas, activeRules: activeRules,
                                          isSubRule: isSubRule)
    }

    /// The pattern of a rule whose test is a regex compiled here, nil for other rules (and for
    /// rules with capture templates, compiled per message).
    private static func compiledPattern(of rule: Rule) -> RegexPattern? {
        switch rule.test {
        case .pattern(let pattern) where [.body, .rawbody, .full, .uri].contains(rule.kind) && pattern.captureTemplates.isEmpty:
            return pattern
        case .header(let test) where test.pattern.captureTemplates.isEmpty:
            return test.pattern
        default:
            return nil
        }
    }
}
