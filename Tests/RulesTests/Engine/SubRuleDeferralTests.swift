import Foundation
import MailMessage
import Testing
@testable import Rules

/// Sub-rules that wait for a meta: skipped when no reported meta needs them, run when one does,
/// and the reported result always that of running every rule.
@Suite struct SubRuleDeferralTests {
    static let rules = """
        header __GATE Subject =~ /gate/
        body __COSTLY /costly/
        meta GATED __COSTLY && __GATE
        score GATED 1
        body __WORD /word/
        tflags __WORD multiple
        body __OTHER /other/
        meta MANY_WORDS __WORD > 2
        score MANY_WORDS 1
        meta WORDS_AND_OTHER (__WORD + 2 * __OTHER) >= 4
        score WORDS_AND_OTHER 1
        uri __UNUSED /example/
        body __ONLY_SUB /only/
        meta __SUB_META __ONLY_SUB
        """

    static let compiled = CompiledRuleSet(RuleLoader().load(text: rules))

    func evaluate(_ subject: String, _ body: String, eager: Bool) -> RuleEvaluation {
        let message = "From: a@example.com\nSubject: \(subject)\n\n\(body)\n"
        return RuleEvaluator(rules: Self.compiled, evaluatesAllSubRules: eager).evaluate(MailMessage(parsing: Array(message.utf8)))
    }

    func count(_ name: String, _ evaluation: RuleEvaluation) -> Int {
        evaluation.counts[Self.compiled.ruleSet[name]!.id.index]
    }

    @Test func subRulesOfBodyURIAndEvalKindsAreDeferred() {
        let deferral = Self.compiled.subRuleDeferral
        for name in ["__COSTLY", "__WORD", "__OTHER", "__UNUSED", "__ONLY_SUB"] {
            #expect(deferral.sites[Self.compiled.ruleSet[name]!.id.index] != .none, "\(name)")
        }
        for name in ["__GATE", "GATED", "__SUB_META"] {
            #expect(deferral.sites[Self.compiled.ruleSet[name]!.id.index] == .none, "\(name)")
        }
    }

    @Test func deferredRuleBehindAFalseGateIsSkipped() {
        let lazy = evaluate("no", "costly words", eager: false)
        let eager = evaluate("no", "costly words", eager: true)
        #expect(count("__COSTLY", eager) == 1)
        #expect(count("__COSTLY", lazy) == 0, "the gate is false: __COSTLY need not run")
        #expect(count("__UNUSED", lazy) == 0 && count("__ONLY_SUB", lazy) == 0 && count("__SUB_META", lazy) == 0)
        #expect(lazy.matches == eager.matches)
    }

    @Test func deferredRuleIsRunWhenAReportedMetaNeedsIt() {
        let lazy = evaluate("gate", "costly words", eager: false)
        #expect(count("__COSTLY", lazy) == 1)
        #expect(lazy.match(named: "GATED") != nil)
        #expect(lazy.matches == evaluate("gate", "costly words", eager: true).matches)
    }

    @Test func multipleCountsTakePartInArithmetic() {
        for (words, other) in [(1, false), (2, true), (3, false), (4, false), (5, true)] {
            let body = Array(repeating: "word", count: words).joined(separator: "\n\n") + (other ? "\n\nother" : "")
            let lazy = evaluate("x", body, eager: false)
            let eager = evaluate("x", body, eager: true)
            #expect(count("__WORD", lazy) == words)
            #expect((lazy.match(named: "MANY_WORDS") != nil) == (words > 2))
            #expect((lazy.match(named: "WORDS_AND_OTHER") != nil) == (words + (other ? 2 : 0) >= 4))
            #expect(lazy.matches == eager.matches)
        }
    }

    /// SpamAssassin's stock rules on the project's own corpus: lazy and eager report the same.
    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin")) func stockRulesReportTheSameLazyAndEager() {
        let compiled = StockRules.compiled
        let lazy = RuleEvaluator(rules: compiled), eager = RuleEvaluator(rules: compiled, evaluatesAllSubRules: true)
        #expect(compiled.subRuleDeferral.deferredCount > 300)
        let messages = RuleEvaluatorEquivalenceTests.messages().prefix(25)
        var skipped = 0
        for (name, bytes) in messages {
            let views = SpamAssassinViews(message: MailMessage(parsing: bytes), environment: compiled.viewEnvironment)
            for bayes in [nil, 0.99] {
                let fast = lazy.evaluate(views, bayesProbability: bayes), full = eager.evaluate(views, bayesProbability: bayes)
                #expect(fast.matches == full.matches, "\(name)")
                #expect(fast.score == full.score && fast.limitHits == full.limitHits, "\(name)")
                let wrong = fast.counts.indices.filter { fast.counts[$0] != 0 && fast.counts[$0] != full.counts[$0] }
                #expect(wrong.isEmpty, "\(name): \(wrong.prefix(5).map { compiled.ruleSet.rules[$0].name })")
                skipped += full.counts.indices.filter { full.counts[$0] != 0 && fast.counts[$0] == 0 }.count
            }
        }
        #expect(messages.count >= 20)
        #expect(skipped > 0, "some sub-rule hit was not needed")
    }

    /// A deferred rule its prefilter ruled out is settled at 0 before the metas run (no meta
    /// asks for it), and only such rules: on stock rules, each settled rule counts 0 when all
    /// rules run.
    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin")) func ruledOutRulesAreSettledAtZero() {
        let compiled = StockRules.compiled
        let deferral = compiled.subRuleDeferral
        let eager = RuleEvaluator(rules: compiled, evaluatesAllSubRules: true)
        var settled = 0, left = 0
        for (name, bytes) in RuleEvaluatorEquivalenceTests.messages().prefix(10) {
            let views = SpamAssassinViews(message: MailMessage(parsing: bytes), environment: compiled.viewEnvironment)
            let body = compiled.bodyPrefilter.candidatesByLine(in: views.body).anyLine
            let rawBody = compiled.rawBodyPrefilter.candidatesByLine(in: views.rawBody).anyLine
            let uri = compiled.uriPrefilter.candidatesByLine(in: views.uris).anyLine
            let full = compiled.fullPrefilter.candidates(in: [views.full])
            let before = deferral.initialCounts[ScoreSet.local.rawValue]
            var counts = before
            deferral.settleRuledOut(counts: &counts, body: body, rawBody: rawBody, full: full, uri: uri)
            let all = eager.evaluate(views).counts
            for index in counts.indices where counts[index] != before[index] {
                settled += 1
                #expect(counts[index] == 0 && before[index] == -1 && all[index] == 0, "\(name): \(compiled.ruleSet.rules[index].name)")
                #expect([.body, .rawBody, .full, .uri].contains(deferral.sites[index]))
            }
            for index in counts.indices where counts[index] < 0 && [.body, .rawBody, .full, .uri].contains(deferral.sites[index]) {
                left += 1
                let target = Int(deferral.positions[index])
                let candidates = switch deferral.sites[index] {
                case .body: body
                case .rawBody: rawBody
                case .uri: uri
                default: full
                }
                #expect(candidates.contains(target), "\(name): \(compiled.ruleSet.rules[index].name) has candidates")
            }
        }
        #expect(settled > 1000 && left > 0)
    }

    @Test func ruleWithoutCandidatesIsSettled() {
        // "costly words": __OTHER's literal is absent, __COSTLY's present.
        let message = "From: a@example.com\nSubject: gate\n\ncostly words\n"
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(message.utf8)), environment: Self.compiled.viewEnvironment)
        let deferral = Self.compiled.subRuleDeferral
        var counts = deferral.initialCounts[ScoreSet.local.rawValue]
        deferral.settleRuledOut(counts: &counts, body: Self.compiled.bodyPrefilter.candidatesByLine(in: views.body).anyLine,
                                rawBody: Self.compiled.rawBodyPrefilter.candidatesByLine(in: views.rawBody).anyLine,
                                full: Self.compiled.fullPrefilter.candidates(in: [views.full]),
                                uri: Self.compiled.uriPrefilter.candidatesByLine(in: views.uris).anyLine)
        #expect(counts[Self.compiled.ruleSet["__OTHER"]!.id.index] == 0)
        #expect(counts[Self.compiled.ruleSet["__COSTLY"]!.id.index] == -1, "a candidate: a meta has to ask")
    }
}
