import Foundation
import MailMessage
import Rules

/// Runs every stock SpamAssassin body regex over the `body` view of every corpus message, on
/// one core, with and without the literal prefilter, checking that both find the same hits.
struct RegexBenchmark {
    let corpus: BenchCorpus
    let rounds: Int
    var profile = false

    func run() {
        let ruleSet = RuleLoader().load(path: RegexBenchmark.stockDirectory)
        let rules = ruleSet.rules(of: .body).compactMap { rule in rule.test.pattern.map { (name: rule.name, pattern: $0) } }
        guard !rules.isEmpty else {
            print("no stock rules in \(RegexBenchmark.stockDirectory)")
            return
        }
        var regexes: [CompiledRegex] = []
        var names: [String] = []
        var failures: [String] = []
        for rule in rules {
            do {
                regexes.append(try CompiledRegex(bytes: rule.pattern.source, options: RegexOptions(rawValue: rule.pattern.options.rawValue)))
                names.append(rule.name)
            } catch {
                failures.append("\(rule.name): \(error.message) at \(error.offset)")
            }
        }
        print("stock body rules: \(rules.count), compiled: \(regexes.count), JIT: \(regexes.filter(\.isJITCompiled).count)")
        for failure in failures { print("  not compiled: \(failure)") }

        let clock = ContinuousClock()
        var prefilter: LiteralPrefilter!
        let buildTime = clock.measure {
            prefilter = LiteralPrefilter(regexes: regexes)
        }
        print(String(format: "prefilter: %d of %d regexes have required literals (%.1f%%); %d automaton states; built in %.1f ms",
                     prefilter.prefilteredCount, regexes.count, 100 * Double(prefilter.prefilteredCount) / Double(max(regexes.count, 1)),
                     prefilter.matcher.stateCount, seconds(buildTime) * 1000))

        let environment = RegexBenchmark.environment(for: ruleSet)
        if let hitsFile = ProcessInfo.processInfo.environment["SA_HITS"] {
            compareHits(hitsFile: hitsFile, regexes: regexes, names: names, environment: environment)
            return
        }
        var views: [[[UInt8]]] = []
        let viewStart = cpuSeconds()
        for (_, bytes) in corpus.messages {
            views.append(SpamAssassinViews(message: MailMessage(parsing: bytes), environment: environment).body)
        }
        let viewSeconds = cpuSeconds() - viewStart
        if let dump = ProcessInfo.processInfo.environment["SA_BODY_DUMP"] {
            // Body views as SpamAssassin itself rendered them (a `views` dump of its output), to
            // measure the matcher on the text it will see once HTML is rendered.
            views = RegexBenchmark.loadDump(dump)
            print("body views from \(dump): \(views.count) messages")
        }
        let count = Double(views.count)
        let messages = corpus.messages.map { MailMessage(parsing: $0.bytes) }
        var parts = [Double](repeating: 0, count: 4)
        for message in messages {
            var start = cpuSeconds()
            _ = SpamAssassinViews(message: message, environment: environment)
            parts[0] += cpuSeconds() - start
            start = cpuSeconds()
            let headers = HeaderView(message.headers)
            _ = headers.text(for: HeaderRequest(name: "Subject"))
            parts[1] += cpuSeconds() - start
        }
        if ProcessInfo.processInfo.environment["VIEWS_ONLY"] != nil {
            for _ in 0..<5 { for message in messages { _ = SpamAssassinViews(message: message, environment: environment) } }
            return
        }
        print(String(format: "corpus: %d messages; parse + views: %.3f ms CPU/message; views alone %.3f ms (headers %.3f)",
                     corpus.messages.count, viewSeconds * 1000 / count, parts[0] * 1000 / count, parts[1] * 1000 / count))

        let plain = measure(views: views, regexes: regexes, prefilter: nil)
        let filtered = measure(views: views, regexes: regexes, prefilter: prefilter)
        let perLine = measure(views: views, regexes: regexes, prefilter: prefilter, perLine: true)
        report("all regexes, no prefilter", plain, count)
        report("with literal prefilter", filtered, count)
        report("with literal prefilter per line", perLine, count)
        print(perLine.hits == plain.hits ? "per-line prefilter: hits identical" : "PER-LINE HITS DIFFER")
        print(String(format: "speed-up: %.1fx; regexes run per message: %.0f of %d; limit hits: %d",
                     plain.seconds / filtered.seconds, Double(filtered.regexRuns) / count, regexes.count, filtered.limitHits))
        print(plain.hits == filtered.hits ? "hits identical (\(plain.hits.count) rule hits)" : "HITS DIFFER: prefilter dropped a match")
        if profile { printProfile(views: views, regexes: regexes, prefilter: prefilter, names: names) }
    }

    static let stockDirectory = "/usr/share/spamassassin"

    /// The views' environment with the `util_rb_tld` list of the rule files.
    static func environment(for ruleSet: RuleSet) -> ViewEnvironment {
        var tlds = Set<String>()
        for setting in ruleSet.settings(named: "util_rb_tld") {
            tlds.formUnion(setting.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() })
        }
        guard !tlds.isEmpty else { return .standard }
        return (try? ViewEnvironment(options: ViewOptions(validTLDs: tlds))) ?? .standard
    }

    /// The regexes that cost the most CPU over the corpus (with the prefilter).
    private func printProfile(views: [[[UInt8]]], regexes: [CompiledRegex], prefilter: LiteralPrefilter, names: [String]) {
        var cost = [Double](repeating: 0, count: regexes.count)
        var runs = [Int](repeating: 0, count: regexes.count)
        var scan = 0.0
        for lines in views {
            let scanStart = cpuSeconds()
            let candidates = prefilter.candidates(in: lines)
            scan += cpuSeconds() - scanStart
            for index in candidates.members {
                let start = cpuSeconds()
                for line in lines where line.withUnsafeBufferPointer({ regexes[index].firstMatch(in: $0).isMatch }) { break }
                cost[index] += cpuSeconds() - start
                runs[index] += 1
            }
        }
        let total = cost.reduce(0, +)
        let lineCount = views.reduce(0) { $0 + $1.count }, byteCount = views.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        print(String(format: "body view: %.1f lines, %.0f bytes per message", Double(lineCount) / Double(views.count), Double(byteCount) / Double(views.count)))
        var joinedCost = 0.0
        for lines in views {
            let joined = Array(lines.joined())
            let start = cpuSeconds()
            for regex in regexes { _ = joined.withUnsafeBufferPointer { regex.firstMatch(in: $0) } }
            joinedCost += cpuSeconds() - start
        }
        print(String(format: "every regex once over the joined body: %.3f ms/message", joinedCost * 1000 / Double(views.count)))
        var alwaysCost = 0.0
        for index in cost.indices where prefilter.literals[index] == nil && prefilter.asciiLiterals[index] == nil { alwaysCost += cost[index] }
        print(String(format: "always-run regexes: %.3f ms/message of the total", alwaysCost * 1000 / Double(views.count)))
        print(String(format: "profile: prefilter scan %.3f ms/message, regexes %.3f ms/message", scan * 1000 / Double(views.count), total * 1000 / Double(views.count)))
        for index in cost.indices.sorted(by: { cost[$0] > cost[$1] }).prefix(ProcessInfo.processInfo.environment["PROFILE_TOP"].flatMap { Int($0) } ?? 25) {
            let literals = prefilter.literals[index].map { "\($0.count) literals" } ?? prefilter.asciiLiterals[index].map { "\($0.count) ASCII literals" } ?? "always"
            print(String(format: "  %6.1f%% %7.1f us/run %5d runs  %@ [%@] /%@/", 100 * cost[index] / total, cost[index] * 1e6 / Double(max(runs[index], 1)),
                         runs[index], names.indices.contains(index) ? names[index] : "?", literals, String(regexes[index].pattern.prefix(90))))
        }
    }

    /// Body-rule hits against SpamAssassin's own (`SA_HITS`: lines "path<TAB>hit names"), over
    /// the rules SpamAssassin runs (`SA_ACTIVE`: one name a line; default: every rule).
    private func compareHits(hitsFile: String, regexes: [CompiledRegex], names: [String], environment: ViewEnvironment) {
        guard let text = try? String(contentsOfFile: hitsFile, encoding: .utf8) else { return }
        let active = (ProcessInfo.processInfo.environment["SA_ACTIVE"]).flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .map { Set($0.split(separator: "\n").map(String.init)) }
        let ruleIndices = names.indices.filter { active?.contains(names[$0]) ?? true }
        var both = 0, onlySA = 0, onlyUs = 0, messagesEqual = 0, messages = 0
        var differing: [String: (sa: Int, us: Int)] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let data = FileManager.default.contents(atPath: String(fields[0])) else { continue }
            let saHits = Set(fields[1].split(separator: " ").map(String.init))
            let body = SpamAssassinViews(message: MailMessage(parsing: [UInt8](data)), environment: environment).body
            var equal = true
            for index in ruleIndices {
                let ours = body.contains { line in line.withUnsafeBufferPointer { regexes[index].firstMatch(in: $0).isMatch } }
                let theirs = saHits.contains(names[index])
                switch (ours, theirs) {
                case (true, true): both += 1
                case (true, false): onlyUs += 1; equal = false; differing[names[index], default: (0, 0)].us += 1
                case (false, true): onlySA += 1; equal = false; differing[names[index], default: (0, 0)].sa += 1
                default: break
                }
            }
            messages += 1
            if equal { messagesEqual += 1 }
        }
        let union = both + onlySA + onlyUs
        print(String(format: "body rule hits vs SpamAssassin over %d messages, %d rules: %d agree, %d only SpamAssassin, %d only ours (%.2f%% of hits agree); messages with identical body hits: %d (%.1f%%)",
                     messages, ruleIndices.count, both, onlySA, onlyUs, 100 * Double(both) / Double(max(union, 1)), messagesEqual, 100 * Double(messagesEqual) / Double(max(messages, 1))))
        for (name, counts) in differing.sorted(by: { $0.value.sa + $0.value.us > $1.value.sa + $1.value.us }).prefix(15) {
            print("  \(name): only SpamAssassin \(counts.sa), only ours \(counts.us)")
        }
    }

    /// Reads the BODY sections of a dump in the `views` format (escaped, one element a line).
    static func loadDump(_ path: String) -> [[[UInt8]]] {
        guard let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else { return [] }
        var result: [[[UInt8]]] = []
        var inBody = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") { result.append([]); inBody = false; continue }
            if line == "BODY" { inBody = true; continue }
            if !line.hasPrefix("  [") { inBody = false; continue }
            guard inBody, !result.isEmpty else { continue }
            result[result.count - 1].append(unescape(line.dropFirst(3).dropLast()))
        }
        return result
    }

    private static func unescape(_ text: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = iterator.popFirst() else { bytes.append(byte); continue }
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "x"):
                let hex = String(decoding: iterator.prefix(2), as: UTF8.self)
                iterator = iterator.dropFirst(2)
                bytes.append(UInt8(hex, radix: 16) ?? 0)
            default: bytes.append(next)
            }
        }
        return bytes
    }

    private struct Measurement {
        var seconds: Double
        var hits: Set<Int>
        var regexRuns: Int
        var limitHits: Int
    }

    private func measure(views: [[[UInt8]]], regexes: [CompiledRegex], prefilter: LiteralPrefilter?, perLine: Bool = false) -> Measurement {
        var best = Measurement(seconds: .infinity, hits: [], regexRuns: 0, limitHits: 0)
        for _ in 0..<max(rounds, 1) {
            var hits = Set<Int>()
            var runs = 0, limitHits = 0
            let start = cpuSeconds()
            for (messageIndex, lines) in views.enumerated() {
                let lineSets = perLine ? prefilter?.lineCandidates(in: lines) : nil
                let candidates = perLine ? lineSets.map { sets in sets.reduce(into: TargetSet(capacity: regexes.count)) { $0.formUnion($1) } } : prefilter?.candidates(in: lines)
                for (ruleIndex, regex) in regexes.enumerated() {
                    if let candidates, !candidates.contains(ruleIndex) { continue }
                    runs += 1
                    for (lineIndex, line) in lines.enumerated() {
                        if let lineSets, !lineSets[lineIndex].contains(ruleIndex) { continue }
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
