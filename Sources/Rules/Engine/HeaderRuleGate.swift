import MailMessage

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
        text.withUnsafeBufferPointer(admits)
    }

    func admits(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .receivedRecipientInSubject: Self.recipientInSubject(text)
        }
    }

    private static let forWord = Array(" for ".utf8)
    private static let subjectName = Array("subject: ".utf8)
    private static let receivedName = Array("received:".utf8)

    /// Whether some line starting "received:" (any case) holds, in its first 200 bytes after
    /// the name, " for " (any case) followed by an optional "<", a run R of bytes other than white
    /// space, ">" and ";", then ">;" or ";" — with R (any case) on the rest of a line after a
    /// "subject: " (any case) that starts a line or follows that ";". Every group 1 of a match is
    /// R or "<" + R, and the backreference finds it after "Subject: " on one line: so a match
    /// needs this. Lines are found by their "\n", so only line starts are compared.
    private static func recipientInSubject(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var subjects: [Range<Int>] = []
        var receivedLines: [Range<Int>] = []
        guard text.baseAddress != nil else { return false }
        var start = 0
        while start < text.count {
            // memchr (ByteScan) finds the line ends many bytes at a time (the `ALL` text is kilobytes)
            let end = ByteScan.first(0x0A, in: text, from: start, to: text.count) ?? text.count
            let first = ASCII.lower(text[start])
            if first == subjectName[0], startsCaseless(text, at: start, with: subjectName) {
                subjects.append((start + subjectName.count)..<end)
            } else if first == receivedName[0], startsCaseless(text, at: start, with: receivedName) {
                receivedLines.append((start + receivedName.count)..<end)
            }
            start = end + 1
        }
        for line in receivedLines {
            let limit = min(line.upperBound, line.lowerBound + 200 + forWord.count)
            var at = line.lowerBound
            while at + forWord.count <= limit {
                defer { at += 1 }
                guard text[at] == 0x20, startsCaseless(text, at: at, with: forWord) else { continue }
                var runStart = at + forWord.count
                if runStart < text.count, text[runStart] == UInt8(ascii: "<") { runStart += 1 }
                var runEnd = runStart
                while runEnd < text.count, isRecipientByte(text[runEnd]) { runEnd += 1 }
                guard runEnd > runStart, runEnd < text.count else { continue }
                let semicolon = text[runEnd] == UInt8(ascii: ";") ? runEnd
                    : (text[runEnd] == UInt8(ascii: ">") && runEnd + 1 < text.count && text[runEnd + 1] == UInt8(ascii: ";") ? runEnd + 1 : nil)
                guard let semicolon else { continue }
                let recipient = UnsafeBufferPointer(rebasing: text[runStart..<runEnd])
                if subjects.contains(where: { containsCaseless(UnsafeBufferPointer(rebasing: text[$0]), recipient) }) { return true }
                if startsCaseless(text, at: semicolon + 1, with: subjectName) {
                    var lineEnd = semicolon + 1
                    while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
                    let rest = UnsafeBufferPointer(rebasing: text[(semicolon + 1 + subjectName.count)..<lineEnd])
                    if containsCaseless(rest, recipient) { return true }
                }
            }
        }
        return false
    }

    /// Whether `text` holds `name` (lower case) at `start`, ASCII letters compared without case.
    private static func startsCaseless(_ text: UnsafeBufferPointer<UInt8>, at start: Int, with name: [UInt8]) -> Bool {
        guard start + name.count <= text.count else { return false }
        for offset in name.indices where ASCII.lower(text[start + offset]) != name[offset] { return false }
        return true
    }

    /// `[^\n\s>;]` with PCRE's ASCII `\s`.
    private static func isRecipientByte(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: ";"))
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
