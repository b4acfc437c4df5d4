import Foundation
import Rules

/// Builds the rule analyzer the `[rules]` section asks for: the configured rule files, or
/// swfilter's own rules followed by the installed SpamAssassin rules and local.cf. A rule that
/// stops at its regex limit is warned about once per process (`logged`), not on every message.
enum RulesComposition {
    static func analyzer(for config: SwfilterConfig, log: @escaping @Sendable (String) -> Void,
                         logged: LoggedOnce = .process) -> RulesAnalyzer? {
        guard config.rules.enabled else { return nil }
        let compiled = RuleSetCache.shared.rules(for: paths(for: config)) { CompiledRuleSet(RuleLoader().load(paths: paths(for: config))) }
        for problem in compiled.ruleSet.errors + compiled.problems {
            log("rules: \(problem)")
        }
        return RulesAnalyzer(evaluator: RuleEvaluator(rules: compiled)) { rule in
            if logged.first(rule) { log(limitWarning(rule: rule)) }
        }
    }

    static func limitWarning(rule: String) -> String {
        "warning: rules: rule \(rule) stopped at its regex match or depth limit and counts as no hit (logged once per process)"
    }

    static func paths(for config: SwfilterConfig) -> [String] {
        if let configured = config.rules.paths { return configured }
        var paths: [String] = []
        if let own = RulesDirectory.locate(configured: config.general.rulesDir) { paths.append(own) }
        for path in [RulesConfig.stockRules, RulesConfig.localRules] where FileManager.default.fileExists(atPath: path) {
            paths.append(path)
        }
        return paths
    }
}
