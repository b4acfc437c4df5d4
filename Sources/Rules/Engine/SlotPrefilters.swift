/// What lets `RuleEvaluator` skip most `header` and `mimeheader` regexes: per request slot a
/// literal prefilter over the rules reading it, run at most once per message over that slot's
/// texts, so a rule none of whose required literals occur there is known not to match.
struct SlotPrefilters: Sendable {
    /// Per request slot: the prefilter over the rules reading it, nil where it would not pay.
    let prefilters: [LiteralPrefilter?]
    /// Per rule (index in the rule list given to `init`): its target in its slot's prefilter.
    let targets: [Int]

    /// Per slot: whether its literals alone pay for a scan of a long text (`minimumRulesForPrefilter`
    /// rules and some literals); a slot kept only for its line gates is checked on short texts.
    let scansLongTexts: [Bool]

    /// A slot read by fewer rules than this is cheaper to run than to scan for literals.
    static let minimumRulesForPrefilter = 3

    /// Texts up to this long are checked with line gates as well (`gatedCandidates`): on a short
    /// text they turn away many rules for a pass or two over few bytes; on the long multi-line
    /// texts (`ALL`, `Received`) almost every byte and run they ask for is there.
    static let gatedTextLimit = 256

    /// `relayTextSlots`: the slots reading an `X-Spam-Relays-*` text, whose rules take their
    /// literals from `RelayTextLiterals`. `gated`: the prefilters are asked for
    /// `gatedCandidates` (one text per slot, line gates checked), so any slot with a rule that
    /// has literals or a line gate gets one: a few passes over a short text cost less than a
    /// regex started cold.
    /// `memos`: what was read of the patterns' groups, shared with the rest of the rule set.
    init(rules: [CompiledPatternRule], slotCount: Int, relayTextSlots: Set<Int> = [], gated: Bool = false,
         memos: PatternReadingMemos = PatternReadingMemos()) {
        var bySlot = [[Int]](repeating: [], count: slotCount)
        for (index, rule) in rules.enumerated() where rule.requestSlot >= 0 { bySlot[rule.requestSlot].append(index) }
        var targets = [Int](repeating: -1, count: rules.count)
        var prefilters = [LiteralPrefilter?](repeating: nil, count: slotCount)
        var scansLongTexts = [Bool](repeating: false, count: slotCount)
        for (slot, members) in bySlot.enumerated() where members.count >= (gated ? 1 : Self.minimumRulesForPrefilter) {
            let regexes = members.map { rules[$0].regex }
            let prefilter = relayTextSlots.contains(slot) ? Self.relayTextPrefilter(regexes, memos: memos)
                : LiteralPrefilter(regexes: regexes, memos: memos)
            let literalsPay = prefilter.prefilteredCount > 0 && members.count >= Self.minimumRulesForPrefilter
            guard literalsPay || (gated && prefilter.lineGates.contains { $0 != nil }) else { continue }
            prefilters[slot] = prefilter
            scansLongTexts[slot] = literalsPay
            for (target, index) in members.enumerated() { targets[index] = target }
        }
        self.prefilters = prefilters
        self.targets = targets
        self.scansLongTexts = scansLongTexts
    }

    /// The rules of `slot` (targets of its `prefilter`) that may match `text`, its only text:
    /// with line gates when the text is short, by literals alone when it is long, nil (every
    /// rule) when the slot's literals do not pay on a long text.
    func candidates(slot: Int, prefilter: LiteralPrefilter, text: UnsafeBufferPointer<UInt8>) -> TargetSet? {
        if text.count <= Self.gatedTextLimit { return prefilter.gatedCandidates(in: text) }
        return scansLongTexts[slot] ? prefilter.candidates(in: [text]) : nil
    }

    /// A prefilter as `LiteralPrefilter(regexes:)` builds it, but with `RelayTextLiterals`'
    /// literals (and no alphanumeric ones).
    static func relayTextPrefilter(_ regexes: [CompiledRegex], memos: PatternReadingMemos) -> LiteralPrefilter {
        let readings = regexes.map { RequiredLiterals.extractWithRepeated(from: $0.literalSource, options: $0.options, memo: memos.literalGroups) }
        let literals = regexes.indices.map { index in
            RelayTextLiterals.literals(for: regexes[index].literalSource, options: regexes[index].options, own: readings[index].literals)
        }
        let ascii = regexes.indices.map { index in
            literals[index] == nil
                ? RequiredLiterals.extract(from: regexes[index].literalSource, options: regexes[index].options, asciiText: true,
                                           memo: memos.literalGroups)
                : nil
        }
        let repeated = readings.map(\.repeated)
        let gates = regexes.map { LineGateExtractor.gate(for: $0.literalSource, options: $0.options, memo: memos.gateGroups) }
        return LiteralPrefilter(literals: literals, asciiLiterals: ascii, repeated: repeated, lineGates: gates)
    }

    /// Whether rule `index`, reading `slot`, may match `texts` (the slot's texts, read only when
    /// the slot has a prefilter); `found` keeps each slot's candidates for the rest of the message.
    func mayMatch(rule index: Int, slot: Int, texts: () -> [[UInt8]], found: inout [TargetSet?]) -> Bool {
        // only the rules of a slot with a prefilter have a target: the others need no lookup
        let target = targets[index]
        guard target >= 0 else { return true }
        if let known = found[slot]?.contains(target) { return known }
        guard let prefilter = prefilters[slot] else { return true }
        found[slot] = prefilter.candidates(in: texts())
        return found[slot]?.contains(target) ?? true
    }
}
