import Testing
@testable import Rules

@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
struct StockEvalCensusTests {
    @Test func stockEvalsAreAllSupported() {
        let ruleSet = StockRulesTests.ruleSet
        let compiled = CompiledRuleSet(ruleSet)
        var counts: [String: Int] = [:]
        for rule in ruleSet.rules {
            if case .eval(let function, _) = rule.test { counts[function, default: 0] += 1 }
        }
        print("CENSUS total \(ruleSet.count) evals \(counts.values.reduce(0, +)) compiled evals \(compiled.compiledEvals.count) unsupported \(compiled.unsupportedRules.count)")
        for (name, count) in counts.sorted(by: { $0.value > $1.value }) { print("CENSUS EVAL \(count) \(name)") }
        for rule in compiled.unsupportedRules { print("CENSUS UNSUPPORTED \(rule)") }
        // the target: at least 90% of all rules loaded and evaluated
        #expect(compiled.unsupportedRules.count * 10 <= ruleSet.count)
        #expect(compiled.unsupportedRules.allSatisfy { !$0.reason.isEmpty && $0.reason.hasPrefix($0.function) })
        // every eval the stock files call is implemented, the relay ones included
        #expect(compiled.unsupportedRules.isEmpty, "\(compiled.unsupportedRules)")
        #expect(compiled.compiledEvals.count > 0)
    }
}
