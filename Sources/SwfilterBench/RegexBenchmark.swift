import Foundation
import MailMessage
import Rules

/// Runs every stock SpamAssassin body regex over the `body` view of every corpus message, on
/// one core, with and without the literal prefilter, checking that both find the same hits.
struct RegexBenchmark {
    let corpus: BenchCorpus
    let rounds: Int

    func run() {
        let rules = StockBodyRules.all
        guard !rules.isEmpty else {
            print("no stock rules in \(StockBodyRules.directory)")
            return
        }
        var regexes: [CompiledRegex] = []
        var failures: [String] = []
        for rule in rules {
            do {
                regexes.append(try CompiledRegex(bytes: rule.pattern, options: rule.options))
            } catch {
                failures.append("\(rule.name): \(error.message) at \(error.offset)")
            }
        }
        print("stock body rules: \(rules.count), compiled: \(regexes.count), JIT: \(regexes.filter(\.isJITCompiled).count)")
        for failure in failures { print("  not compiled: \(failure)") }

        let clock = ContinuousClock()
        var prefilter: LiteralPrefilter!
        let buildTime = clock.measure {
            prefilter = LiteralPrefilter(literals: regexes.map { RequiredLiterals.extract(from: Array($0.pattern.utf8), options: $0.options) })
        }
        print(String(format: "prefilter: %d of %d regexes have required literals (%.1f%%); %d automaton states; built in %.1f ms",
                     prefilter.prefilteredCount, regexes.count, 100 * Double(prefilter.prefilteredCount) / Double(max(regexes.count, 1)),
                     prefilter.matcher.stateCount, seconds(buildTime) * 1000))

        var environment = ViewEnvironment.standard
        let tlds = StockBodyRules.validTLDs()
        if !tlds.isEmpty, let configured = try? ViewEnvironment(options: ViewOptions(validTLDs: tlds)) { environment = configured }
        var views: [[[UInt8]]] = []
        let viewTime = clock.measure {
            for (_, bytes) in corpus.messages {
                views.append(SpamAssassinViews(message: MailMessage(parsing: bytes), environment: environment).body)
            }
        }
        let count = Double(corpus.messages.count)
        print(String(format: "corpus: %d messages; parse + views: %.3f ms CPU/message", corpus.messages.count, seconds(viewTime) * 1000 / count))

        let plain = measure(views: views, regexes: regexes, prefilter: nil)
        let filtered = measure(views: views, regexes: regexes, prefilter: prefilter)
        report("all regexes, no prefilter", plain, count)
        report("with literal prefilter", filtered, count)
        print(String(format: "speed-up: %.1fx; regexes run per message: %.0f of %d; limit hits: %d",
                     plain.seconds / filtered.seconds, Double(filtered.regexRuns) / count, regexes.count, filtered.limitHits))
        print(plain.hits == filtered.hits ? "hits identical (\(plain.hits.count) rule hits)" : "HITS DIFFER: prefilter dropped a match")
    }

    private struct Measurement {
        var seconds: Double
        var hits: Set<Int>
        var regexRuns: Int
        var limitHits: Int
    }

    private func measure(views: [[[UInt8]]], regexes: [CompiledRegex], prefilter: LiteralPrefilter?) -> Measurement {
        var best = Measurement(seconds: .infinity, hits: [], regexRuns: 0, limitHits: 0)
        for _ in 0..<max(rounds, 1) {
            var hits = Set<Int>()
            var runs = 0, limitHits = 0
            let start = cpuSeconds()
            for (messageIndex, lines) in views.enumerated() {
                let candidates = prefilter?.candidates(in: lines)
                for (ruleIndex, regex) in regexes.enumerated() {
                    if let candidates, !candidates.contains(ruleIndex) { continue }
                    runs += 1
                    for line in lines {
                        let outcome = line.withUnsafeBufferPointer { regex.firstMatch(in: $0) }
                        if case .limitHit = outcome { limitHits += 1 }
                        if outcome.isMatch {
                            hits.insert(messageIndex &* 4096 &+ ruleIndex)
                            break
                        }
                    }
                }
            }
            let elapsed = cpuSeconds() - start
            if elapsed < best.seconds { best = Measurement(seconds: elapsed, hits: hits, regexRuns: runs, limitHits: limitHits) }
        }
        return best
    }

    private func report(_ label: String, _ measurement: Measurement, _ count: Double) {
        print(String(format: "%@: %.0f messages/s, %.3f ms CPU/message (best of %d)", label, count / measurement.seconds,
                     measurement.seconds * 1000 / count, max(rounds, 1)))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU time of this thread.
    private func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
