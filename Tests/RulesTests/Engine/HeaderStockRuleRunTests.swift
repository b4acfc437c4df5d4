import MailMessage
import Testing
@testable import Rules

/// `runHeaderRules` on the stock rules, with the plan as loading makes it (slots whose prefilter
/// the scan asks, slots it runs without one): every header rule must hit exactly where it hits
/// run alone on its text (`views.headerText`, the general path).
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct HeaderStockRuleRunTests {
    @Test func everyStockRuleHitsAsItWouldAlone() {
        let compiled = StockRules.compiled
        let evaluator = RuleEvaluator(rules: compiled)
        let isActive = compiled.activeRules[0]
        var hits = 0
        for bytes in HeaderGatedCandidatesTests.messages() {
            let views = SpamAssassinViews(message: MailMessage(parsing: bytes), environment: compiled.viewEnvironment)
            var texts = HeaderTextCache(views: views, requests: compiled.headerRequests, presence: compiled.headerPlan.presence)
            var counts = [Int](repeating: 0, count: compiled.ruleSet.count)
            var tags: [String: [[UInt8]]] = [:]
            evaluator.runHeaderRules(texts: &texts, isActive: isActive, counts: &counts, tags: &tags, noteLimit: { _ in }, profile: nil)
            for rule in compiled.header where isActive[rule.id.index] {
                guard let test = rule.header, let request = rule.request else { continue }
                let text = views.headerText(request) ?? test.ifUnset.map { Array($0.utf8) } ?? []
                let expected = rule.regex.firstMatch(in: text).isMatch != test.isNegated
                #expect((counts[rule.id.index] == 1) == expected, "\(compiled.ruleSet.rules[rule.id.index].name)")
                if expected { hits += 1 }
            }
        }
        #expect(hits > 1000)
    }

    /// The slots the scan runs without their prefilter: few rules, or a whole-header text; the
    /// rest keep theirs.
    @Test func prefiltersAreAskedWhereTheyPay() {
        let compiled = StockRules.compiled
        let plan = compiled.headerPlan
        var asked: [String] = [], skipped: [String] = []
        for slot in compiled.headerRequests.indices where plan.literals.prefilters[slot] != nil {
            let steps = plan.steps[plan.stepStarts[slot]..<plan.stepStarts[slot + 1]]
            let name = compiled.headerRequests[slot].description
            if steps.contains(where: { $0.target >= 0 }) { asked.append(name) } else { skipped.append(name) }
            #expect(steps.allSatisfy { $0.target >= 0 } || steps.allSatisfy { $0.target < 0 })
            #expect((steps.count >= HeaderRulePlan.minimumRulesForPrefilter && !HeaderView.isWholeHeader(compiled.headerRequests[slot].name))
                    == steps.contains { $0.target >= 0 }, "\(name)")
        }
        #expect(asked.contains("Subject") && asked.contains("X-Spam-Relays-External") && asked.contains("Received"))
        #expect(skipped.contains("ALL") && skipped.contains("X-Spam-Relays-Untrusted") && skipped.contains("To:addr"))
    }
}
