import Foundation
import Glibc
import MailMessage
import Rules

/// The eval functions of the stock SpamAssassin rules over a corpus: how many rules load, run
/// and are unsupported, and the CPU time of the evals alone (views built beforehand, untimed).
/// `EVAL_TOP=N` also times each eval rule (first-use caches land on the rule that asks first)
/// and lists the N most expensive; `EVAL_FRESH=1` builds each message's views right before its
/// evals, as the rule engine does, instead of all views up front.
struct EvalBenchmark {
    let corpus: BenchCorpus
    let rounds: Int

    func run() {
        let environment = ProcessInfo.processInfo.environment
        let ruleSet = RuleLoader().load(path: "/usr/share/spamassassin")
        let compiled = CompiledRuleSet(ruleSet)
        let unsupported = compiled.unsupportedRules.count
        let evaluated = Double(ruleSet.count - unsupported) / Double(max(ruleSet.count, 1)) * 100
        print("stock rules: \(ruleSet.count) loaded; eval rules run: \(compiled.supportedEvalCount); unsupported: \(unsupported) "
            + "(\(String(format: "%.1f", evaluated))% of all rules evaluated)")
        for rule in compiled.unsupportedRules { print("  unsupported \(rule.rule): \(rule.reason)") }
        let messages = corpus.messages.map { MailMessage(parsing: $0.bytes) }
        if environment["EVAL_FRESH"] != nil {
            return runFresh(compiled, messages: messages)
        }
        let views = messages.map { SpamAssassinViews(message: $0, environment: compiled.viewEnvironment) }
        var hits = 0
        let start = CPUTime.ofSelf()
        for _ in 0..<rounds {
            for view in views { hits += compiled.evalHits(view).count }
        }
        let seconds = CPUTime.ofSelf() - start
        let perMessage = seconds / Double(views.count * rounds) * 1000
        print("evals: \(views.count) messages × \(rounds) rounds, \(String(format: "%.3f", perMessage)) ms CPU/message, "
            + "\(hits / rounds) eval hits per round")
        if let top = environment["EVAL_TOP"].flatMap({ Int($0) }) {
            timeEach(compiled, views: views, top: top)
        }
    }

    private func runFresh(_ compiled: CompiledRuleSet, messages: [MailMessage]) {
        var seconds = 0.0
        var hits = 0
        for _ in 0..<rounds {
            for message in messages {
                let views = SpamAssassinViews(message: message, environment: compiled.viewEnvironment)
                let start = Self.threadTime()
                hits += compiled.evalHits(views).count
                seconds += Self.threadTime() - start
            }
        }
        let perMessage = seconds / Double(messages.count * rounds) * 1000
        print("evals, views built just before: \(messages.count) messages × \(rounds) rounds, "
            + "\(String(format: "%.3f", perMessage)) ms thread CPU/message, \(hits / rounds) eval hits per round")
    }

    private func timeEach(_ compiled: CompiledRuleSet, views: [SpamAssassinViews], top: Int) {
        let names = compiled.evalRuleNames
        var seconds = [Double](repeating: 0, count: names.count)
        for view in views {
            _ = compiled.evalHitCount(view) { index, run in
                let start = Self.threadTime()
                let answer = run()
                seconds[index] += Self.threadTime() - start
                return answer
            }
        }
        let total = seconds.reduce(0, +)
        print(String(format: "timed evals (clock read per eval): %.3f ms/message", total * 1000 / Double(views.count)))
        for index in seconds.indices.sorted(by: { seconds[$0] > seconds[$1] }).prefix(top) {
            print(String(format: "  %7.2f us/message %5.1f%% %@", seconds[index] * 1e6 / Double(views.count),
                         100 * seconds[index] / max(total, 1e-12), names[index]))
        }
    }

    private static func threadTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
