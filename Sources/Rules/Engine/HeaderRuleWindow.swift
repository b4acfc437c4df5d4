/// A header regex whose every match ends just after an anchor byte and a word byte, and starts a
/// bounded distance before the anchor: instead of trying every position of a long text (the
/// `ALL` text), the regex runs once per anchor, on the text cut just after the anchor's word
/// byte and from a start offset shortly before the anchor (PCRE2 still sees the bytes before
/// that offset, so `\b` and look-behinds read as on the whole text). Known by the pattern's
/// exact source and flags, so an edited rule simply loses its window.
enum HeaderRuleWindow: Equatable {
    /// `__SENDER_BOT` (`/i`): a word such as "bounce" or "postmaster", up to 5 bytes and an "s",
    /// then "@" and a word byte. Its longest alternative is 10 bytes, so a match starts at most
    /// 10 + 5 + 1 bytes before its "@".
    case botWordBeforeAt

    private static let botWordSource =
        #"(?:not?\W?repl[yi]|bounce|contact|daemon|subscri|report|respon[ds]e?r?s?\b|\b(?:root|news|nobody|agent|(?:post|web)?master|manag|send(?:er|ing)?|out|(?:bot|web|www)\b))[^\@ >]{0,5}s?\@\w"#

    init?(_ regex: CompiledRegex) {
        guard regex.pattern == Self.botWordSource, regex.options == [.caseless] else { return nil }
        self = .botWordBeforeAt
    }

    /// The anchor every match holds, and how far before it a match may start (with a margin).
    private var anchor: UInt8 { UInt8(ascii: "@") }
    private var reach: Int { 24 }

    /// `regex.firstMatch(in: text)`'s answer (match or not; a limit is reported as such), found
    /// by running `regex` (the rule's own) near each anchor followed by a possible word byte.
    /// The range of a match found is not that of the whole-text search.
    func firstMatch(of regex: CompiledRegex, in text: UnsafeBufferPointer<UInt8>) -> RegexOutcome {
        guard let base = text.baseAddress else { return regex.firstMatch(in: text) }
        var position = 0
        let last = text.count - 1
        while position < last {
            if base[position] == anchor, Self.mayBeWordByte(base[position + 1]) {
                let window = UnsafeBufferPointer(start: base, count: position + 2)
                let outcome = regex.firstMatch(in: window, from: max(0, position - reach))
                switch outcome {
                case .noMatch: break
                case .match, .limitHit: return outcome
                }
            }
            position += 1
        }
        return .noMatch
    }

    /// PCRE2's `\w` without UCP: ASCII letters, digits and "_"; bytes above 0x7F are let through
    /// as well, so a different character table could only cost a run.
    private static func mayBeWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
