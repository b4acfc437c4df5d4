import Foundation
import Rules

/// Builds the rule analyzer the `[rules]` section asks for: the configured rule files, or
/// swfilter's own rules followed by the installed SpamAssassin rules and local.cf.
enum RulesComposition {
    static func analyzer(for config: SwfilterConfig, log: @escaping @Sendable (String) -> Void) -> RulesAnalyzer? {
        guard config.rules.enabled else { return nil }
        let compiled = RuleSetCache.shared.rules(for: paths(for: config)) { CompiledRuleSet(RuleLoader().load(paths: paths(for: config))) }
        for problem in compiled.ruleSet.errors + compiled.problems {
            log("rules: \(problem)")
        }
        return RulesAnalyzer(evaluator: RuleEvaluator(rules: compiled))
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
