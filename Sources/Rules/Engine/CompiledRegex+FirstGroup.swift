import CPCRE2

extension CompiledRegex {
    /// The first match from the start of `text`, and which of `groups` (capture group numbers,
    /// ascending) is the first set in it (nil when none is, or there is no match). Needs fewer
    /// than `MatchScratch.captureSlots` groups; a pattern with more answers a limit hit.
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, firstSetGroupAmong groups: [Int]) -> (outcome: RegexOutcome, group: Int?) {
        guard captureCount < MatchScratch.captureSlots, let scratch = MatchScratch.current else { return (.limitHit(.heapLimit), nil) }
        scratch.apply(limits)
        let subject = text.baseAddress ?? CompiledRegex.emptySubject
        let status = isJITCompiled
            ? pcre2_jit_match_8(code, subject, text.count, 0, 0, scratch.captureData, scratch.matchContext)
            : pcre2_match_8(code, subject, text.count, 0, 0, scratch.captureData, scratch.matchContext)
        if status == PCRE2_ERROR_NOMATCH || status == PCRE2_ERROR_PARTIAL { return (.noMatch, nil) }
        guard status > 0 else { return (.limitHit(RegexLimitKind(pcre2Code: status)), nil) }
        let vector = pcre2_get_ovector_pointer_8(scratch.captureData)!
        let range = min(vector[0], vector[1])..<vector[1]
        for group in groups where group < Int(status) && vector[2 * group] >= 0 && vector[2 * group + 1] >= 0 {  // PCRE2_UNSET reads as -1
            return (.match(range), group)
        }
        return (.match(range), nil)
    }
}
