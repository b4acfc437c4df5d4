import Foundation
import MailMessage
import Rules

/// The eval functions of the stock SpamAssassin rules over a corpus: how many rules load, run
/// and are unsupported, and the CPU time of the evals alone (views built beforehand, untimed).
struct EvalBenchmark {
    let corpus: BenchCorpus
    let rounds: Int

    func run() {
        let ruleSet = RuleLoader().load(path: "/usr/share/spamassassin")
        let compiled = CompiledRuleSet(ruleSet)
        let unsupported = compiled.unsupportedRules.count
        let evaluated = Double(ruleSet.count - unsupported) / Double(max(ruleSet.count, 1)) * 100
        print("stock rules: \(ruleSet.count) loaded; eval rules run: \(compiled.supportedEvalCount); unsupported: \(unsupported) "
            + "(\(String(format: "%.1f", evaluated))% of all rules evaluated)")
        for rule in compiled.unsupportedRules { print("  unsupported \(rule.rule): \(rule.reason)") }
        let views = corpus.messages.map { SpamAssassinViews(message: MailMessage(parsing: $0.bytes), environment: compiled.viewEnvironment) }
        var hits = 0
        let start = CPUTime.ofSelf()
        for _ in 0..<rounds {
            for view in views { hits += compiled.evalHits(view).count }
        }
        let seconds = CPUTime.ofSelf() - start
        let perMessage = seconds / Double(views.count * rounds) * 1000
        print("evals: \(views.count) messages × \(rounds) rounds, \(String(format: "%.3f", perMessage)) ms CPU/message, "
            + "\(hits / rounds) eval hits per round")
    }
}
