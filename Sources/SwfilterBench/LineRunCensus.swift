import Foundation
import MailMessage
import Rules

/// For the line-matched rule kinds (body, rawbody, uri): how many (rule, line) regex runs the
/// literal prefilter lets through, how many of them match, and what they cost, per rule.
struct LineRunCensus {
    let corpus: BenchCorpus
    var rulePaths = ["/usr/share/spamassassin"]
    var topCount = 40

    private struct Tally {
        var runs = 0
        /// Runs on lines that are not plain text (a byte above 0x7F or an `&`).
        var nonPlainRuns = 0
        var lineHits = 0
        var seconds = 0.0
        var bytes = 0
    }

    func run() {
        let ruleSet = RuleLoader().load(paths: rulePaths)
        let compiled = CompiledRuleSet(ruleSet)
        let kinds: [(String, [CompiledPatternRule], LiteralPrefilter, (SpamAssassinViews) -> [[UInt8]])] = [
            ("body", compiled.body, compiled.bodyPrefilter, { $0.body }),
            ("rawbody", compiled.rawBody, compiled.rawBodyPrefilter, { $0.rawBody }),
            ("uri", compiled.uri, compiled.uriPrefilter, { $0.uris }),
        ]
        let views = corpus.messages.map { SpamAssassinViews(message: MailMessage(parsing: $0.bytes), environment: compiled.viewEnvironment) }
        let count = Double(views.count)
        var allRuns = 0, allScanSeconds = 0.0
        defer {
            print(String(format: "all line kinds: %.1f regex runs/message; prefilter %.3f ms/message", Double(allRuns) / count, allScanSeconds * 1000 / count))
        }
        for (name, rules, prefilter, lines) in kinds {
            var tallies = [Tally](repeating: Tally(), count: rules.count)
            var scanSeconds = 0.0, lineTotal = 0, byteTotal = 0
            for view in views {
                let texts = lines(view)
                lineTotal += texts.count
                byteTotal += texts.reduce(0) { $0 + $1.count }
                let scanStart = CPUTime.ofThread()
                let candidates = prefilter.candidatesByLine(in: texts)
                scanSeconds += CPUTime.ofThread() - scanStart
                for index in candidates.anyLine.members where index < rules.count {
                    let regex = rules[index].regex
                    let start = CPUTime.ofThread()
                    for (lineIndex, text) in texts.enumerated() where candidates.contains(index, line: lineIndex) {
                        tallies[index].runs += 1
                        if candidates.textKinds[lineIndex] != .plain { tallies[index].nonPlainRuns += 1 }
                        tallies[index].bytes += text.count
                        if regex.firstMatch(in: text).isMatch { tallies[index].lineHits += 1 }
                    }
                    tallies[index].seconds += CPUTime.ofThread() - start
                }
            }
            let runs = tallies.reduce(0) { $0 + $1.runs }, hits = tallies.reduce(0) { $0 + $1.lineHits }
            let nonPlainRuns = tallies.reduce(0) { $0 + $1.nonPlainRuns }
            allRuns += runs
            allScanSeconds += scanSeconds
            let seconds = tallies.reduce(0) { $0 + $1.seconds }
            let always = prefilter.literals.indices.filter { prefilter.literals[$0] == nil && prefilter.asciiLiterals[$0] == nil && prefilter.alphanumericLiterals[$0] == nil }
            print(String(format: "%@: %d rules (%d always run), %.1f lines / %.0f bytes per message; prefilter %.3f ms/message; regexes %.3f ms/message; %.1f runs/message, %.1f hit lines/message",
                         name, rules.count, always.count, Double(lineTotal) / count, Double(byteTotal) / count, scanSeconds * 1000 / count,
                         seconds * 1000 / count, Double(runs) / count, Double(hits) / count))
            print(String(format: "  %.1f runs/message on lines not plain text (a byte above 0x7F or an &)", Double(nonPlainRuns) / count))
            print("  run lanes: " + prefilter.runSetSummaries.enumerated().map { "r\($0.offset)=\($0.element)" }.joined(separator: " "))
            for index in tallies.indices.sorted(by: { tallies[$0].seconds > tallies[$1].seconds }).prefix(topCount) {
                let tally = tallies[index]
                let literals = label(prefilter, index) + (prefilter.gateSummary(of: index).map { " " + $0 } ?? "")
                print(String(format: "  %6.1f us/msg %7.2f runs/msg %6d hits %6.2f us/run %6.0f B/run %@ [%@] /%@/",
                             tally.seconds * 1e6 / count, Double(tally.runs) / count, tally.lineHits, tally.seconds * 1e6 / Double(max(tally.runs, 1)),
                             Double(tally.bytes) / Double(max(tally.runs, 1)), ruleSet.rules[rules[index].id.index].name, literals,
                             String(rules[index].regex.pattern.prefix(80))))
            }
        }
    }

    private func label(_ prefilter: LiteralPrefilter, _ index: Int) -> String {
        func show(_ set: [[UInt8]]) -> String {
            let shown: [String] = set.prefix(4).map { String(decoding: $0, as: UTF8.self) }
            return shown.joined(separator: "|") + (set.count > 4 ? "|…\(set.count)" : "")
        }
        if let set = prefilter.literals[index] { return "L:" + show(set) }
        if let set = prefilter.asciiLiterals[index] { return "A:" + show(set) }
        if let found = prefilter.alphanumericLiterals[index] {
            let gate = found.gate.isEmpty ? "" : "G" + String(decoding: found.gate, as: UTF8.self)
            return (found.plainTextOnly ? "PA" : "P") + gate + ":" + show(found.literals)
        }
        return "always"
    }
}
