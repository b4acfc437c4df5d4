/// Collects what the rule files say, in file order, and finishes it into a `RuleSet` the way
/// SpamAssassin's `finish_parsing` does: later lines override earlier ones, replace tags are
/// applied, metas are resolved and checked for loops, defaults fill missing scores, `net`
/// spreads to metas, and priorities are fixed so a meta never runs before what it needs.
struct RuleSetBuilder {
    let options: RuleLoaderOptions
    private(set) var definitions: [String: RuleDefinition] = [:]
    private var definitionOrder: [String] = []
    private var scores: [String: [Double]] = [:]
    private var descriptions: [String: String] = [:]
    private var flags: [String: RuleFlags] = [:]
    private var priorities: [String: Int] = [:]
    var replaceTags = ReplaceTags()
    private var replaceRules: [String: SourceLocation] = [:]
    var requiredScore = 5.0
    var redirectorPatterns: [RegexPattern] = []
    var settings: [ConfigSetting] = []
    private(set) var loadedPlugins: Set<String>
    private(set) var features: Set<String>
    /// Conditions repeat a lot (`ifplugin …ReplaceTags` a hundred times); answers are kept
    /// until a plugin or feature changes.
    private var conditionAnswers: [String: Result<Bool, ExpressionError>] = [:]
    var problems: [RuleProblem] = []
    var files: [String] = []

    init(options: RuleLoaderOptions) {
        self.options = options
        loadedPlugins = options.preloadedPlugins.intersection(options.providedPlugins)
        features = options.features
    }

    var conditionContext: ConditionContext {
        ConditionContext(version: Double(options.version) ?? 0, perlVersion: options.perlVersion,
                         localTestsOnly: options.localTestsOnly, loadedPlugins: loadedPlugins, features: features)
    }

    mutating func evaluateCondition(_ text: String) throws(ExpressionError) -> Bool {
        if let answer = conditionAnswers[text] { return try answer.get() }
        let answer: Result<Bool, ExpressionError>
        do throws(ExpressionError) {
            answer = .success(try ConditionEvaluator.evaluate(text, in: conditionContext))
        } catch {
            answer = .failure(error)
        }
        conditionAnswers[text] = answer
        return try answer.get()
    }

    mutating func loadPlugin(_ name: String) {
        if loadedPlugins.insert(name).inserted { conditionAnswers = [:] }
    }

    mutating func enableFeature(_ name: String) {
        if features.insert(name).inserted { conditionAnswers = [:] }
    }

    mutating func report(_ severity: RuleProblem.Severity, at location: SourceLocation, _ message: String, rule: String? = nil) {
        problems.append(RuleProblem(severity, at: location, message, rule: rule))
    }

    // MARK: collecting

    mutating func define(_ definition: RuleDefinition) {
        if definitions[definition.name] == nil {
            guard definitionOrder.count < options.limits.maxRules else {
                report(.error, at: definition.location, "more than \(options.limits.maxRules) rules; \(definition.name) dropped", rule: definition.name)
                return
            }
            definitionOrder.append(definition.name)
        }
        definitions[definition.name] = definition
        if let pattern = definition.test.pattern, !pattern.capturedTags.isEmpty {
            priorities[definition.name] = -10000
        }
    }

    /// `reuse NAME`: declares the name unless a rule already has it.
    mutating func declare(_ name: String, at location: SourceLocation) {
        guard definitions[name] == nil else { return }
        define(RuleDefinition(name: name, kind: .placeholder, test: .none, location: location))
    }

    /// `score NAME a [b c d]`; parenthesised values add to the current score.
    mutating func setScore(_ name: String, values: [Double], relative: Bool, at location: SourceLocation) {
        let four = values.count == 4 ? values : Array(repeating: values[0], count: 4)
        if relative {
            guard let current = scores[name] else {
                report(.error, at: location, "relative score for \(name) without an earlier score", rule: name)
                return
            }
            scores[name] = zip(current, four).map { $0 + $1 }
        } else {
            scores[name] = four
        }
    }

    mutating func setDescription(_ name: String, _ text: String) { descriptions[name] = text }
    mutating func setFlags(_ name: String, _ value: RuleFlags) { flags[name] = value }
    mutating func setPriority(_ name: String, _ value: Int) { priorities[name] = value }
    mutating func requestReplacement(of name: String, at location: SourceLocation) { replaceRules[name] = location }

    // MARK: finishing

    func finish() -> RuleSet {
        var finisher = self
        return finisher.finishing()
    }

    private mutating func finishing() -> RuleSet {
        applyReplaceTags()
        let names = definitionOrder
        var ids: [String: RuleID] = [:]
        ids.reserveCapacity(names.count)
        for (index, name) in names.enumerated() { ids[name] = RuleID(index) }
        let sortedNames = names.sorted()

        var tests = names.map { definitions[$0]!.test }
        for (index, name) in names.enumerated() {
            guard case .meta(let expression) = tests[index] else { continue }
            let resolved = expression.resolved(lookup: { ids[$0] }, matching: { glob in
                sortedNames.filter { $0 != name && Glob.matches(glob, $0) }.map { ids[$0]! }
            })
            for missing in resolved.unresolvedNames {
                report(.info, at: definitions[name]!.location, "meta \(name) uses \(missing), which no rule defines; it counts as 0", rule: name)
            }
            tests[index] = .meta(resolved)
        }

        let graph = MetaGraph(tests: tests)
        var disabled: [String?] = Array(repeating: nil, count: names.count)
        for loop in graph.loops {
            let path = (loop.path + [loop.path[0]]).map { names[$0.index] }.joined(separator: " -> ")
            for id in loop.members {
                disabled[id.index] = "meta loop: \(path)"
                report(.error, at: definitions[names[id.index]]!.location, "meta loop \(path); \(names[id.index]) disabled", rule: names[id.index])
            }
        }
        for id in graph.blocked where disabled[id.index] == nil {
            disabled[id.index] = "depends on a meta loop"
            report(.warning, at: definitions[names[id.index]]!.location, "meta \(names[id.index]) depends on a meta loop; disabled", rule: names[id.index])
        }

        // A meta reading a net rule is a net rule too. Like SpamAssassin, only direct
        // dependencies count (its hash-order walk makes deeper inheritance a matter of luck).
        let declaredFlags = names.map { flags[$0] ?? .none }
        var ruleFlags = declaredFlags
        for index in names.indices where !declaredFlags[index].isNet {
            if graph.dependencies[index].contains(where: { declaredFlags[$0.index].isNet }) {
                ruleFlags[index] = declaredFlags[index].adding("net")
            }
        }
        let rulePriorities = fixedPriorities(names: names, graph: graph, flags: ruleFlags)

        var rules: [Rule] = []
        rules.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            let definition = definitions[name]!
            let ruleScores: RuleScores
            if let explicit = scores[name] {
                ruleScores = RuleScores(explicit)
            } else {
                let base = name.hasPrefix("T_") ? 0.01 : 1.0
                ruleScores = RuleScores(all: (flags[name] ?? .none).isNice ? -base : base, isDefault: true)
            }
            rules.append(Rule(id: RuleID(index), name: name, kind: definition.kind, test: tests[index], scores: ruleScores,
                              description: descriptions[name], flags: ruleFlags[index], priority: rulePriorities[index],
                              location: definition.location, disabledReason: disabled[index]))
        }
        return RuleSet(rules: rules, metaEvaluationOrder: graph.order, problems: problems, requiredScore: requiredScore,
                       redirectorPatterns: redirectorPatterns, settings: settings, loadedPlugins: loadedPlugins, files: files)
    }

    /// `priority` lines (0 when absent); a meta lowers the priority of what it needs to its own
    /// (to -100 for a net rule under a meta below -100); then `net` rules left at 0 get -100.
    private func fixedPriorities(names: [String], graph: MetaGraph, flags: [RuleFlags]) -> [Int] {
        var result = names.map { priorities[$0] ?? 0 }
        let byPriority = names.indices.sorted { (result[$0], $0) < (result[$1], $1) }
        for index in byPriority {
            let base = result[index]
            for dependency in graph.dependencies[index] where result[dependency.index] > base {
                result[dependency.index] = base < -100 && flags[dependency.index].isNet ? -100 : base
            }
        }
        for index in names.indices where result[index] == 0 && flags[index].isNet { result[index] = -100 }
        return result
    }

    private mutating func applyReplaceTags() {
        for (name, location) in replaceRules.sorted(by: { $0.key < $1.key }) {
            guard var definition = definitions[name], let literal = definition.literal else {
                report(.info, at: location, "replace_rules names \(name), which is not a regex rule", rule: name)
                continue
            }
            var replaced = literal
            replaced.body = replaceTags.apply(to: literal.body, hasModifiers: !literal.modifiers.isEmpty)
            guard replaced.body != literal.body else { continue }
            let perlText = "\(String(decoding: [replaced.openDelimiter], as: UTF8.self))\(String(decoding: replaced.body, as: UTF8.self))\(String(decoding: [replaced.closeDelimiter] + replaced.modifiers, as: UTF8.self))"
            do {
                let pattern = try PerlRegexConverter.translate(replaced, perlText: perlText)
                switch definition.test {
                case .pattern: definition.test = .pattern(pattern)
                case .header(let test):
                    definition.test = .header(HeaderTest(header: test.header, isNegated: test.isNegated, pattern: pattern, ifUnset: test.ifUnset))
                default: continue
                }
                definition.literal = replaced
                definitions[name] = definition
            } catch {
                report(.error, at: definition.location, "\(name) after replace_rules: \(error.reason)", rule: name)
            }
        }
    }
}
