import Testing
@testable import Rules

@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
struct StockEvalCensusTests {
    @Test func census() {
        let ruleSet = StockRulesTests.ruleSet
        var counts: [String: Int] = [:]
        for rule in ruleSet.rules {
            if case .eval(let function, _) = rule.test { counts[function, default: 0] += 1 }
        }
        print("total \(ruleSet.count) evals \(counts.values.reduce(0, +))")
        for (name, count) in counts.sorted(by: { $0.value > $1.value }) { print("EVAL \(count) \(name)") }
        let plugins = ruleSet.rules.filter { if case .plugin = $0.test { return true }; return false }
        print("plugin rules \(plugins.count)")
    }
}
