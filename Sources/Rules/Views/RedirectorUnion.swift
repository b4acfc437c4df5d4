/// The `redirector_pattern`s as one alternation, run once per URI before trying them one by one:
/// when it finds no match, none of them matches (the usual case), and the fifteen or so separate
/// searches are skipped. Each pattern stands in a group of its own with its flags set inline, so
/// the alternation matches exactly where one of the patterns does.
///
/// Patterns whose meaning could change inside a bigger pattern (group numbers referred to,
/// `\Q` running to the end, `#` comments, backtracking verbs) or that were rewritten when compiled
/// leave the union out: then every URI tries every pattern, as before.
struct RedirectorUnion: Sendable {
    private let regex: CompiledRegex

    init?(_ patterns: [CompiledRegex]) {
        guard patterns.count > 1 else { return nil }
        var source: [UInt8] = []
        for pattern in patterns {
            guard pattern.patternBytes == pattern.literalSource, RedirectorUnion.isSelfContained(pattern.patternBytes) else { return nil }
            if !source.isEmpty { source.append(UInt8(ascii: "|")) }
            source += "(?:".utf8
            if pattern.options.contains(.caseless) { source += "(?i)".utf8 }
            if pattern.options.contains(.dotAll) { source += "(?s)".utf8 }
            if pattern.options.contains(.multiline) { source += "(?m)".utf8 }
            if pattern.options.contains(.extended) { source += "(?x)".utf8 }
            source += pattern.patternBytes
            source.append(UInt8(ascii: ")"))
        }
        guard let regex = try? CompiledRegex(bytes: source) else { return nil }
        self.regex = regex
    }

    /// False only when no pattern can match `text`; a limit hit counts as a possible match.
    func mayMatch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .noMatch = regex.firstMatch(in: text) { return false }
        return true
    }

    /// Whether the pattern keeps its meaning as one alternative of a bigger pattern: no
    /// back-references or subroutine calls by number or name, no `\Q` (which may run to the end),
    /// no `#` (a comment under `/x` would swallow the closing parenthesis), no `(*VERB)`.
    static func isSelfContained(_ pattern: [UInt8]) -> Bool {
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            let next: UInt8 = index + 1 < pattern.count ? pattern[index + 1] : 0
            switch byte {
            case UInt8(ascii: "#"):
                return false
            case UInt8(ascii: "\\"):
                if (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "g") || next == UInt8(ascii: "k")
                    || next == UInt8(ascii: "Q") {
                    return false
                }
                index += 2
                continue
            case UInt8(ascii: "("):
                if next == UInt8(ascii: "*") { return false }
                if next == UInt8(ascii: "?"), index + 2 < pattern.count {
                    let kind = pattern[index + 2]
                    if kind == UInt8(ascii: "P") || kind == UInt8(ascii: "R") || kind == UInt8(ascii: "&") || kind == UInt8(ascii: "(")
                        || kind == UInt8(ascii: "+") || kind == UInt8(ascii: "-") && index + 3 < pattern.count && ByteClass.isDigit(pattern[index + 3])
                        || ByteClass.isDigit(kind) {
                        return false
                    }
                }
            default:
                break
            }
            index += 1
        }
        return true
    }
}
