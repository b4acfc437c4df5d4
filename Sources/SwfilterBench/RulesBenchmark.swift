import Foundation
import MailMessage
import Rules

/// The rule engine with SpamAssassin's stock rules, loaded through `RuleLoader` and
/// `CompiledRuleSet` as `swfilter check` loads them: CPU per message for the rules alone (views
/// and evaluation) and for parsing, on one core, then where the time goes by rule kind and the
/// most expensive rules (from a separate, timed pass).
struct RulesBenchmark {
    let corpus: BenchCorpus
    let rounds: Int
    var rulePaths = ["/usr/share/spamassassin"]
    var topCount = 10

    /// A rule's pattern and the literals the prefilter requires of it (SHOW_RULES=A,B).
    private func show(_ name: String, in ruleSet: RuleSet) {
        guard let rule = ruleSet[name] else { return print("\(name): no such rule") }
        guard let pattern = rule.test.pattern else { return print("\(name): \(rule.test)") }
        let options = RegexOptions(rawValue: pattern.options.rawValue)
        let literals = RequiredLiterals.extract(from: pattern.source, options: options)
        print("\(name) (\(rule.kind)): /\(pattern.sourceText)/ \(pattern.source.count) bytes")
        print("  literals: \(literals.map { $0.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | ") } ?? "none: always runs")")
        if let repeated = RequiredLiterals.repeated(in: pattern.source, options: options) {
            print("  needs \(repeated.count) separate occurrences of: \(repeated.literals.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | "))")
        }
    }

    func run() {
        let loadStart = CPUTime.ofSelf()
        let ruleSet = RuleLoader().load(paths: rulePaths)
        let loaded = CPUTime.ofSelf()
        let compiled = CompiledRuleSet(ruleSet)
        let compileSeconds = CPUTime.ofSelf() - loaded
        // EAGER_SUBRULES=1 (or --eager): every sub-rule runs, as analysis tools want.
        let eager = ProcessInfo.processInfo.environment["EAGER_SUBRULES"].map { $0 != "0" } ?? false
            || CommandLine.arguments.contains("--eager")
        let evaluator = RuleEvaluator(rules: compiled, evaluatesAllSubRules: eager)
        let isSubRule = ruleSet.rules.map(\.isSubRule)
        print("sub-rules: \(eager ? "all run (eager)" : "run when a meta needs them (lazy)")")
        let kinds = RuleKind.allCases.map { "\($0) \(ruleSet.countsByKind[$0] ?? 0)" }.joined(separator: ", ")
        print("rules: \(ruleSet.count) from \(ruleSet.files.count) files (\(kinds)); \(compiled.problems.count) not compiled")
        for problem in compiled.problems.prefix(10) { print("  \(problem)") }
        print(String(format: "load %.3f s CPU, compile %.3f s CPU", loaded - loadStart, compileSeconds))
        if let path = ProcessInfo.processInfo.environment["ANALYSIS_DUMP"] {
            _ = FileManager.default.createFile(atPath: path, contents: Data(compiled.analysisDump().joined(separator: "\n").utf8))
            return
        }
        if let names = ProcessInfo.processInfo.environment["SHOW_RULES"] {
            for name in names.split(separator: ",") { show(String(name), in: ruleSet) }
            return
        }

        let count = Double(corpus.messages.count)
        var messages: [MailMessage] = []
        messages.reserveCapacity(corpus.messages.count)
        let parseStart = CPUTime.ofSelf()
        for (_, bytes) in corpus.messages { messages.append(MailMessage(parsing: bytes)) }
        let parseSeconds = CPUTime.ofSelf() - parseStart
        print(String(format: "corpus: %d messages, %.1f MB; parse %.3f ms CPU/message (not counted below)",
                     corpus.messages.count, Double(corpus.totalBytes) / 1e6, parseSeconds * 1000 / count))

        var best = Double.infinity
        var all: [Double] = []
        var checksum: UInt64 = 0, reportedChecksum: UInt64 = 0
        var hits = 0, reportedHits = 0
        for _ in 0..<max(rounds, 1) {
            var sum: UInt64 = 0, reportedSum: UInt64 = 0
            var found = 0, reported = 0
            let start = CPUTime.ofSelf()
            for (index, message) in messages.enumerated() {
                let evaluation = evaluator.evaluate(message)
                for (rule, hitCount) in evaluation.counts.enumerated() where hitCount > 0 {
                    let term = UInt64(index &* 7919 &+ rule &* 104_729 &+ hitCount)
                    sum = sum &* 31 &+ term
                    found += 1
                    if !isSubRule[rule] {
                        reportedSum = reportedSum &* 31 &+ term
                        reported += 1
                    }
                }
                reportedSum = reportedSum &* 31 &+ evaluation.score.bitPattern &+ UInt64(evaluation.matches.count)
            }
            let elapsed = CPUTime.ofSelf() - start
            all.append(elapsed)
            best = min(best, elapsed)
            checksum = sum
            hits = found
            reportedChecksum = reportedSum
            reportedHits = reported
        }
        all.sort()
        let median = all[all.count / 2]
        print(String(format: "rules (views + evaluation): %.3f ms CPU/message (best of %d; median %.3f) = %.0f messages/s on one core",
                     best * 1000 / count, all.count, median * 1000 / count, count / best))
        print(String(format: "parse + rules: %.3f ms CPU/message = %.0f messages/s on one core",
                     (best + parseSeconds) * 1000 / count, count / (best + parseSeconds)))
        print("hits (sub-rules included): \(hits); checksum \(String(checksum, radix: 16))")
        print("reported hits (no sub-rules; scores too): \(reportedHits); checksum \(String(reportedChecksum, radix: 16))")

        let profile = RuleProfile(ruleCount: ruleSet.count, timesRules: ProcessInfo.processInfo.environment["PHASES_ONLY"] == nil)
        for message in messages { _ = evaluator.evaluate(message, profile: profile) }
        let total = RuleProfile.Phase.allCases.reduce(0) { $0 + profile.seconds(in: $1) }
        print("timed pass (thread CPU time, timing overhead included): \(String(format: "%.3f", total * 1000 / count)) ms/message")
        for phase in RuleProfile.Phase.allCases {
            let seconds = profile.seconds(in: phase)
            print(String(format: "  %-15@ %7.3f ms/message %5.1f%%", phase.description, seconds * 1000 / count, 100 * seconds / max(total, 1e-12)))
        }
        if profile.timesRules {
            // A run: one rule over the texts of one message (its candidate lines, for the line kinds).
            var runs: [String: Int] = [:]
            for (index, rule) in ruleSet.rules.enumerated() {
                if case .eval = rule.test { runs["eval", default: 0] += profile.ruleRuns[index] } else { runs[rule.kind.description, default: 0] += profile.ruleRuns[index] }
            }
            let listed = ["body", "rawbody", "uri", "full", "eval"].map { String(format: "%@ %.2f", $0, Double(runs[$0] ?? 0) / count) }
            print("rule runs per message: \(listed.joined(separator: ", "))")
        }
        print("most expensive rules:")
        let order = profile.ruleSeconds.indices.sorted { profile.ruleSeconds[$0] > profile.ruleSeconds[$1] }
        for index in order.prefix(topCount) {
            let rule = ruleSet.rules[index]
            let runs = profile.ruleRuns[index]
            print(String(format: "  %7.1f us/message %5.1f%% %-8@ %@ (%d runs, %.1f us/run)", profile.ruleSeconds[index] * 1e6 / count,
                         100 * profile.ruleSeconds[index] / max(total, 1e-12), rule.kind.description, rule.name, runs,
                         profile.ruleSeconds[index] * 1e6 / Double(max(runs, 1))))
        }
    }
}
