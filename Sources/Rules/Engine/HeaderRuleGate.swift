/// A byte test that must pass before an expensive header regex is worth running: a necessary
/// condition of the match, looser than the pattern and far cheaper. Known by the pattern's exact
/// source and flags, so an edited rule simply loses its gate.
enum HeaderRuleGate: Equatable {
    /// `\nReceived:[^\n]{0,200} for <?([^\n\s>;]+)>?;(?:[^\n]+\n+)*Subject: [^\n]{0,100}\1[^a-z0-9]`
    /// (`/ism`, `__SUBJ_HAS_TO_2`): the Received recipient must occur on a Subject line. It
    /// backtracks over every Received line of every message; the recipient is rarely there.
    case receivedRecipientInSubject

    private static let receivedRecipientSource =
        #"\nReceived:[^\n]{0,200} for <?([^\n\s>;]+)>?;(?:[^\n]+\n+)*Subject: [^\n]{0,100}\1[^a-z0-9]"#

    init?(_ regex: CompiledRegex) {
        guard regex.pattern == Self.receivedRecipientSource, regex.options == [.caseless, .dotAll, .multiline] else { return nil }
        self = .receivedRecipientInSubject
    }

    /// False only when the pattern cannot match `text`.
    func admits(_ text: [UInt8]) -> Bool {
        switch self {
        case .receivedRecipientInSubject: text.withUnsafeBufferPointer(Self.recipientInSubject)
        }
    }

    private static let forWord = Array(" for ".utf8)
    private static let subjectName = Array("subject: ".utf8)

    /// Whether some " for " (any case) is followed by an optional "<", a run R of bytes other than
    /// white space, ">" and ";", then ">;" or ";", with R (any case) on the rest of a line after
    /// some "subject: " (any case). Every group 1 of a match is R or "<" + R, and the
    /// backreference finds it after "Subject: " on one line: so a match needs this.
    private static func recipientInSubject(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let subjects = caselessOccurrences(of: subjectName, in: text).map { start -> Range<Int> in
            var end = start + subjectName.count
            while end < text.count, text[end] != 0x0A { end += 1 }
            return (start + subjectName.count)..<end
        }
        guard !subjects.isEmpty else { return false }
        for start in caselessOccurrences(of: forWord, in: text) {
            var runStart = start + forWord.count
            if runStart < text.count, text[runStart] == UInt8(ascii: "<") { runStart += 1 }
            var runEnd = runStart
            while runEnd < text.count, isRecipientByte(text[runEnd]) { runEnd += 1 }
            guard runEnd > runStart, runEnd < text.count else { continue }
            let closed = text[runEnd] == UInt8(ascii: ";")
                || (text[runEnd] == UInt8(ascii: ">") && runEnd + 1 < text.count && text[runEnd + 1] == UInt8(ascii: ";"))
            guard closed else { continue }
            let recipient = UnsafeBufferPointer(rebasing: text[runStart..<runEnd])
            if subjects.contains(where: { containsCaseless(UnsafeBufferPointer(rebasing: text[$0]), recipient) }) { return true }
        }
        return false
    }

    /// `[^\n\s>;]` with PCRE's ASCII `\s`.
    private static func isRecipientByte(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: ";"))
    }

    /// Where `needle` (lower case) starts in `text`, ASCII letters compared without case.
    private static func caselessOccurrences(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard text.count >= needle.count else { return [] }
        var starts: [Int] = []
        let first = needle[0]
        outer: for start in 0...(text.count - needle.count) where ASCII.lower(text[start]) == first {
            for offset in 1..<needle.count where ASCII.lower(text[start + offset]) != needle[offset] { continue outer }
            starts.append(start)
        }
        return starts
    }

    private static func containsCaseless(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, text.count >= needle.count else { return needle.isEmpty }
        let first = ASCII.lower(needle[0])
        outer: for start in 0...(text.count - needle.count) where ASCII.lower(text[start]) == first {
            for offset in 1..<needle.count where ASCII.lower(text[start + offset]) != ASCII.lower(needle[offset]) { continue outer }
            return true
        }
        return false
    }
}
