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
    /// Per score set (`ScoreSet.rawValue`): the active metas compiled into one program.
    let metaPrograms: [MetaProgram]
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

    /// The score sets a rule may run in; a rule active in none of them is not compiled.
    static let scoreSets: [ScoreSet] = [.local, .bayes]

    public init(_ ruleSet: RuleSet, limits: RegexLimits = .default) {
        self.ruleSet = ruleSet
        var compiled: [RuleKind: [CompiledPatternRule]] = [:]
        var exists: [(id: RuleID, request: HeaderRequest)] = []
        var evals: [(id: RuleID, function: String, arguments: [EvalArgument])] = []
        var problems: [RuleProblem] = []
        var templates = CaptureTemplates(limits: limits)
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
        let runnable = ruleSet.rules.filter { rule in CompiledRuleSet.scoreSets.contains { rule.isActive(in: $0) } }
            .sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        for rule in runnable {
            switch rule.test {
            case .pattern(let pattern):
                guard [.body, .rawbody, .full, .uri].contains(rule.kind) else { continue }
                if !pattern.captureTemplates.isEmpty {
                    templates.addTemplated(.init(id: rule.id, kind: rule.kind, pattern: pattern, header: nil, request: nil))
                    continue
                }
                do {
                    let regex = try CompiledRegex(bytes: pattern.source, options: RegexOptions(rawValue: pattern.options.rawValue), limits: limits)
                    compiled[rule.kind, default: []].append(CompiledPatternRule(
                        id: rule.id, regex: regex, flags: rule.flags, skipsSubjectLine: rule.kind == .body && rule.flags.isNoSubject))
                } catch {
                    problems.append(RuleProblem(.error, at: rule.location, "regex does not compile: \(error.message) at offset \(error.offset)", rule: rule.name))
                }
            case .header(let test):
                if !test.pattern.captureTemplates.isEmpty {
                    templates.addTemplated(.init(id: rule.id, kind: rule.kind, pattern: test.pattern, header: test,
                                                 request: HeaderRequest(parsing: test.header.description)))
                    continue
                }
                do {
                    let regex = try CompiledRegex(bytes: test.pattern.source, options: RegexOptions(rawValue: test.pattern.options.rawValue), limits: limits)
                    let request = HeaderRequest(parsing: test.header.description)
                    if rule.kind == .header { templates.addCaptures(of: rule.id, pattern: test.pattern) }
                    let requestSlot = slot(request, mime: rule.kind == .mimeheader)
                    compiled[rule.kind, default: []].append(CompiledPatternRule(id: rule.id, regex: regex, header: test, request: request,
                                                                                requestSlot: requestSlot, flags: rule.flags))
                } catch {
                    problems.append(RuleProblem(.error, at: rule.location, "regex does not compile: \(error.message) at offset \(error.offset)", rule: rule.name))
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
        mimeHeader = compiled[.mimeheader] ?? []
        body = compiled[.body] ?? []
        rawBody = compiled[.rawbody] ?? []
        full = compiled[.full] ?? []
        uri = compiled[.uri] ?? []
        self.exists = exists
        existsSlots = exists.map { slot($0.request, mime: false) }
        self.headerRequests = headerRequests
        mimeHeaderRequests = mimeRequests
        // The metas that can run, each after those it reads.
        let metas = ruleSet.metaEvaluationOrder.compactMap { id in ruleSet[id].metaExpression.map { (id: id, expression: $0) } }
        let activeRules = ScoreSet.allCases.map { set in ruleSet.rules.map { $0.isActive(in: set) } }
        self.activeRules = activeRules
        isSubRule = ruleSet.rules.map(\.isSubRule)
        metaPrograms = activeRules.map { active in MetaProgram(metas: metas, isActive: { active[$0.index] }) }
        captureTemplates = templates
        headerPlan = HeaderRulePlan(rules: header, requests: headerRequests, capturing: { templates.capturesTags($0) })
        mimeHeaderPlan = SlotPrefilters(rules: mimeHeader, slotCount: mimeRequests.count)
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
        bodyPrefilter = LiteralPrefilter(regexes: body.map(\.regex), lineFormulas: true)
        rawBodyPrefilter = LiteralPrefilter(regexes: rawBody.map(\.regex), lineFormulas: true)
        uriPrefilter = LiteralPrefilter(regexes: uri.map(\.regex), lineFormulas: true)
        fullPrefilter = LiteralPrefilter(regexes: full.map(\.regex))
    }
}
