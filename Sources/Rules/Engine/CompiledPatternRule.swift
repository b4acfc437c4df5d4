/// One rule of a `CompiledRuleSet` whose test is a regex, compiled once. A class: the evaluator
/// walks thousands per message, and copying a struct of references costs a retain for each.
public final class CompiledPatternRule: Sendable {
    public let id: RuleID
    public let regex: CompiledRegex
    /// What runs on a text: `regex`, or for a rule that only asks whether it matches (body,
    /// rawbody, uri, full rules without `tflags multiple`) `regex` rewritten by
    /// `LeadingOptionalRewrite`, behind a `StartGuard` when one pays. The prefilter reads `regex`.
    let searchRegex: CompiledRegex
    /// For header and mimeheader rules: what the regex reads, whether it is `!~`, `[if-unset]`.
    public let header: HeaderTest?
    /// The header text request built from `header.header`, for header rules.
    public let request: HeaderRequest?
    /// Index of `request` in `CompiledRuleSet.headerRequests` (or `mimeHeaderRequests` for
    /// mimeheader rules), so each message computes each distinct text once; -1 for other kinds.
    let requestSlot: Int
    /// Hits counted at most: 1, or for `tflags multiple` its `maxhits`.
    let hitLimit: Int
    /// The `[if-unset: …]` text as bytes.
    let ifUnset: [UInt8]?
    /// `header.isNegated`, kept apart so the evaluator does not copy the test.
    let isNegated: Bool
    /// A body rule with `tflags nosubject`: it skips the view's first line, the Subject line
    /// SpamAssassin puts before the body text.
    let skipsSubjectLine: Bool
    /// For texts with no byte above 0x7F, `regex` cut down to what can match there
    /// (`PatternProjection`), or nil when that is `regex` itself. Header rules have none.
    let asciiRegex: CompiledRegex?
    /// False when the rule cannot match a text with no byte above 0x7F at all.
    let matchesASCII: Bool
    /// For ASCII texts without `&`: `asciiRegex` without HTML entity spellings, or nil when
    /// that is `asciiRegex` (or `regex`) itself.
    let plainRegex: CompiledRegex?
    /// False when the rule cannot match an ASCII text without `&`.
    let matchesPlain: Bool
    /// Whether a text's bytes choose what runs (`asciiRegex`, `plainRegex`, `matchesASCII`, `matchesPlain`).
    let usesProjections: Bool

    /// `memos`: groups read before by the start guards and projections of other rules.
    init(id: RuleID, regex: CompiledRegex, header: HeaderTest? = nil, request: HeaderRequest? = nil, requestSlot: Int = -1, flags: RuleFlags,
         skipsSubjectLine: Bool = false, memos: PatternReadingMemos? = nil) {
        let startGroups = memos?.gateGroups
        self.id = id
        self.regex = regex
        self.header = header
        self.request = request
        self.requestSlot = requestSlot
        hitLimit = flags.isMultiple ? (flags.maxHits ?? RuleEvaluator.defaultMaxHits) : 1
        ifUnset = header?.ifUnset.map { Array($0.utf8) }
        isNegated = header?.isNegated ?? false
        self.skipsSubjectLine = skipsSubjectLine
        let asksOnlyWhether = header == nil && hitLimit == 1
        func searchable(_ compiled: CompiledRegex) -> CompiledRegex {
            guard asksOnlyWhether, let dropped = LeadingOptionalRewrite.rewrite(compiled.literalSource, options: compiled.options) else { return compiled }
            // A pattern that began with optional items makes PCRE2 try many alternatives at each
            // start: the case where a start guard was measured to pay.
            let options = compiled.options
            func compile(_ bytes: [UInt8]?) -> CompiledRegex? { bytes.flatMap { try? CompiledRegex(bytes: $0, options: options, limits: compiled.limits) } }
            if let guarded = StartGuard.guarded(dropped, options: options, memo: startGroups) {
                if let rewritten = compile(guarded) { return rewritten }
                // Too large: `PatternFactoring` does not read the guard's `(*PRUNE)`, so the
                // pattern is factored before the guard goes around it.
                if let factored = PatternFactoring.factor(dropped, extended: false),
                   let rewritten = compile(StartGuard.guarded(dropped, options: options, around: factored, memo: startGroups)) { return rewritten }
            }
            return compile(dropped) ?? compiled
        }
        searchRegex = searchable(regex)
        /// The projection's regex (nil: none) and whether the pattern can match such texts;
        /// `earlier`, a projection already compiled, serves again when this one is the same.
        func projection(allowsAmpersand: Bool, earlier: (bytes: [UInt8], regex: CompiledRegex?)? = nil)
            -> (regex: CompiledRegex?, matches: Bool, bytes: [UInt8]?) {
            guard header == nil else { return (nil, true, nil) }
            switch PatternProjection.project(regex.literalSource, options: regex.options, allowsAmpersand: allowsAmpersand,
                                             memo: memos?.projectedGroups) {
            case .projected(let bytes):
                if let earlier, earlier.bytes == bytes { return (earlier.regex, true, bytes) }
                return ((try? CompiledRegex(bytes: bytes, options: regex.options, limits: regex.limits)).map(searchable), true, bytes)
            case .neverMatches: return (nil, false, nil)
            case .unchanged, .unsupported: return (nil, true, nil)
            }
        }
        let ascii = projection(allowsAmpersand: true)
        (asciiRegex, matchesASCII) = (ascii.regex, ascii.matches)
        // Only `&` tells the plain-text projection from the ASCII one: often they are the same.
        let plain = matchesASCII ? projection(allowsAmpersand: false, earlier: ascii.bytes.map { ($0, ascii.regex) })
            : (regex: nil, matches: false, bytes: nil)
        (plainRegex, matchesPlain) = (plain.regex, plain.matches)
        usesProjections = asciiRegex != nil || plainRegex != nil || !matchesPlain
    }

    /// What runs on a text of `kind` (`searchRegex` or one of its projections), or nil when the
    /// rule cannot match such a text. Only rules that `usesProjections` tell kinds apart.
    func searchRegex(for kind: TextKind) -> CompiledRegex? {
        guard usesProjections else { return searchRegex }
        switch kind {
        case .plain: return matchesPlain ? (plainRegex ?? asciiRegex ?? searchRegex) : nil
        case .ascii: return matchesASCII ? (asciiRegex ?? searchRegex) : nil
        case .eightBit: return searchRegex
        }
    }
}
