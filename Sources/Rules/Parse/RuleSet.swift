/// Everything a set of SpamAssassin rule files defines, typed and checked: the rules (indexed
/// densely by `RuleID`), the problems met while loading, and the few global settings the rule
/// engine needs. Immutable, so one instance is shared by all scanning threads.
public struct RuleSet: Sendable {
    /// All rules; `rules[id.index].id == id`. Order: first definition in the files.
    public let rules: [Rule]
    /// Meta rules that can run, each after the metas it reads. Metas disabled by a loop are absent.
    public let metaEvaluationOrder: [RuleID]
    public let problems: [RuleProblem]
    /// `required_score` (default 5).
    public let requiredScore: Double
    /// `redirector_pattern`s: the target URI is the pattern's first group.
    public let redirectorPatterns: [RegexPattern]
    /// Recognised directives the loader keeps for other components, in file order.
    public let settings: [ConfigSetting]
    /// Plugins counted as loaded at the end (provided by swfilter and preloaded or `loadplugin`ed).
    public let loadedPlugins: Set<String>
    /// The files read, in order.
    public let files: [String]

    private let idsByName: [String: RuleID]
    private let idsByKind: [RuleKind: [RuleID]]

    init(rules: [Rule], metaEvaluationOrder: [RuleID], problems: [RuleProblem], requiredScore: Double,
         redirectorPatterns: [RegexPattern], settings: [ConfigSetting], loadedPlugins: Set<String>, files: [String]) {
        self.rules = rules
        self.metaEvaluationOrder = metaEvaluationOrder
        self.problems = problems
        self.requiredScore = requiredScore
        self.redirectorPatterns = redirectorPatterns
        self.settings = settings
        self.loadedPlugins = loadedPlugins
        self.files = files
        var byName: [String: RuleID] = [:]
        var byKind: [RuleKind: [RuleID]] = [:]
        byName.reserveCapacity(rules.count)
        for rule in rules {
            byName[rule.name] = rule.id
            byKind[rule.kind, default: []].append(rule.id)
        }
        idsByName = byName
        idsByKind = byKind
    }

    /// An empty rule set.
    public init() {
        self.init(rules: [], metaEvaluationOrder: [], problems: [], requiredScore: 5, redirectorPatterns: [],
                  settings: [], loadedPlugins: [], files: [])
    }

    public var count: Int { rules.count }

    public subscript(id: RuleID) -> Rule { rules[id.index] }

    public subscript(name: String) -> Rule? { id(named: name).map { rules[$0.index] } }

    public func id(named name: String) -> RuleID? { idsByName[name] }

    /// The rules of one kind, in definition order.
    public func rules(of kind: RuleKind) -> [Rule] {
        (idsByKind[kind] ?? []).map { rules[$0.index] }
    }

    /// The rules of one kind that run in a score set (not disabled, score not 0), by priority
    /// and then definition order.
    public func activeRules(of kind: RuleKind, in set: ScoreSet) -> [Rule] {
        rules(of: kind).filter { $0.isActive(in: set) }.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }

    /// How many rules each kind has.
    public var countsByKind: [RuleKind: Int] { idsByKind.mapValues(\.count) }

    /// Settings of one directive (`freemail_domains`, `util_rb_tld`…), in file order.
    public func settings(named name: String) -> [ConfigSetting] {
        settings.filter { $0.name == name }
    }

    public func problems(atLeast severity: RuleProblem.Severity) -> [RuleProblem] {
        problems.filter { $0.severity >= severity }
    }

    /// Error-level problems: lines or rules that were dropped.
    public var errors: [RuleProblem] { problems(atLeast: .error) }
}
