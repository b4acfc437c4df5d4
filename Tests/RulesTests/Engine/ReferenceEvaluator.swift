@testable import Rules

/// The rules run the plain way, as a yardstick for `RuleEvaluator`'s shortcuts: no prefilter,
/// no shared header texts, every regex on every line, texts fetched from the views for each rule,
/// metas read from the rule set. Returns the hit count of every rule (score set 0).
struct ReferenceEvaluator {
    let rules: CompiledRuleSet

    func counts(_ views: SpamAssassinViews) -> [Int] {
        let ruleSet = rules.ruleSet
        var counts = [Int](repeating: 0, count: ruleSet.count)
        var tags: [String: [[UInt8]]] = [:]
        func active(_ id: RuleID) -> Bool { ruleSet[id].isActive(in: .local) }
        func limit(_ id: RuleID) -> Int {
            let flags = ruleSet[id].flags
            return flags.isMultiple ? (flags.maxHits ?? RuleEvaluator.defaultMaxHits) : 1
        }
        func count(_ rule: CompiledPatternRule, in texts: [[UInt8]]) -> Int {
            var total = 0
            for text in texts {
                total += rule.regex.count(in: text, maxHits: limit(rule.id) - total).count
                if total >= limit(rule.id) { break }
            }
            return total
        }
        for rule in rules.header where active(rule.id) {
            guard let test = rule.header, let request = rule.request else { continue }
            let text = views.headerText(request) ?? test.ifUnset.map { Array($0.utf8) } ?? []
            let isMatch = rule.regex.firstMatch(in: text).isMatch
            if isMatch != test.isNegated { counts[rule.id.index] = 1 }
            if isMatch { rules.captureTemplates.collectTags(of: rule.id, regex: rule.regex, text: text, into: &tags) }
        }
        for rule in rules.mimeHeader where active(rule.id) {
            guard let test = rule.header, let request = rule.request else { continue }
            let matched = views.mimeHeaderTexts(request.name, raw: request.raw).contains { text in
                text.map { rule.regex.firstMatch(in: $0).isMatch } ?? false
            }
            if matched != test.isNegated { counts[rule.id.index] = 1 }
        }
        for (id, request) in rules.exists where active(id) && views.headerText(request) != nil { counts[id.index] = 1 }
        for rule in rules.body where active(rule.id) {
            let lines = ruleSet[rule.id].flags.isNoSubject ? Array(views.body.dropFirst()) : views.body
            counts[rule.id.index] = count(rule, in: lines)
        }
        for rule in rules.rawBody where active(rule.id) { counts[rule.id.index] = count(rule, in: views.rawBody) }
        for rule in rules.full where active(rule.id) { counts[rule.id.index] = count(rule, in: [views.full]) }
        for rule in rules.uri where active(rule.id) { counts[rule.id.index] = count(rule, in: views.uris) }
        rules.captureTemplates.evaluate(views, tags: tags, isActive: active, counts: &counts)
        let context = EvalContext(views: views, bayesProbability: nil, configuration: rules.evalConfiguration)
        for eval in rules.compiledEvals where active(eval.id) && eval.test(context) { counts[eval.id.index] = 1 }
        for id in ruleSet.metaEvaluationOrder where active(id) {
            guard let expression = ruleSet[id].metaExpression else { continue }
            if expression.isTrue(values: { Double(counts[$0.index]) }) { counts[id.index] = 1 }
        }
        return counts
    }
}
