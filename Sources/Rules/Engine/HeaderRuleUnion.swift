/// Header regexes anchored at the start of one text, joined as alternatives so that one search
/// settles many rules: PCRE2 tries the alternatives at offset 0 in order and the first that
/// matches wins, so a search that finds nothing says no member matches, and one that matches
/// (each member wrapped in a capture group, which tells which) says the members before the
/// winner do not match and the winner does; the search then goes on with the union of the
/// members after it (`suffixes`). Each member's own run would start cold; most match rarely.
/// Only patterns whose meaning does not change inside an alternation are joined (no
/// back-references or other group numbers, verbs, `\Q`, callouts, `/x`).
struct HeaderRuleUnion: Sendable {
    /// Indices in `HeaderRulePlan.steps` of the members, in run order.
    let memberSteps: [Int]
    /// `suffixes[j]`: the union of the members from `j` on.
    let suffixes: [CompiledRegex]
    /// `suffixGroups[j]`: in `suffixes[j]`, the number of the group wrapping each member from `j` on.
    let suffixGroups: [[Int]]

    /// At most this many members to a union (each has one suffix per member), and fewer capture
    /// groups in all than `MatchScratch.captureSlots`.
    static let maximumMembers = 16
    static let maximumGroups = MatchScratch.captureSlots - 4

    /// Outcomes of a member in `settle`'s `states` (indexed by step): not known, no match, match.
    static let unknown: Int8 = 0
    static let noMatch: Int8 = 1
    static let match: Int8 = 3

    /// nil when PCRE2 (with its JIT) does not take one of the suffixes, or the regexes have
    /// different limits.
    init?(memberSteps: [Int], regexes: [CompiledRegex]) {
        guard regexes.count >= 2, regexes.count == memberSteps.count, let limits = regexes.first?.limits,
              regexes.allSatisfy({ $0.limits == limits }) else { return nil }
        var suffixes: [CompiledRegex] = []
        var suffixGroups: [[Int]] = []
        for first in regexes.indices {
            var source: [UInt8] = []
            var groups: [Int] = []
            var nextGroup = 1
            for (offset, regex) in regexes[first...].enumerated() {
                if offset > 0 { source.append(UInt8(ascii: "|")) }
                source += Array("(?".utf8)
                if regex.options.contains(.caseless) { source.append(UInt8(ascii: "i")) }
                if regex.options.contains(.dotAll) { source.append(UInt8(ascii: "s")) }
                source += Array(":(".utf8)
                source += regex.literalSource
                source += Array("))".utf8)
                groups.append(nextGroup)
                nextGroup += 1 + regex.captureCount
            }
            guard let union = try? CompiledRegex(bytes: source, limits: limits), union.isJITCompiled, union.captureCount == nextGroup - 1,
                  union.captureCount < MatchScratch.captureSlots else { return nil }
            suffixes.append(union)
            suffixGroups.append(groups)
        }
        self.memberSteps = memberSteps
        self.suffixes = suffixes
        self.suffixGroups = suffixGroups
    }

    /// Sets in `states` (by step index) the outcome of each member on `text` that the unions
    /// tell; after a limit hit the rest stay `unknown`, to run on their own.
    func settle(_ text: UnsafeBufferPointer<UInt8>, states: inout [Int8]) {
        var first = 0
        while first < memberSteps.count {
            let (outcome, group) = suffixes[first].firstMatch(in: text, firstSetGroupAmong: suffixGroups[first])
            switch outcome {
            case .noMatch:
                for member in first..<memberSteps.count { states[memberSteps[member]] = Self.noMatch }
                return
            case .limitHit:
                return
            case .match:
                guard let group, let offset = suffixGroups[first].firstIndex(of: group) else { return }
                for member in first..<(first + offset) { states[memberSteps[member]] = Self.noMatch }
                states[memberSteps[first + offset]] = Self.match
                first += offset + 1
            }
        }
    }

    /// Whether every match of `regex` starts at offset 0 (what makes the chain exact: a member
    /// that fails there fails everywhere): no `/m`, the pattern begins with `^` or `\\A`, and
    /// it has no alternation outside parentheses (character classes are skipped).
    static func isAnchoredAtStart(_ regex: CompiledRegex) -> Bool {
        let bytes = regex.literalSource
        guard !regex.options.contains(.multiline), let first = bytes.first else { return false }
        guard first == UInt8(ascii: "^") || (first == UInt8(ascii: "\\") && bytes.count > 1 && bytes[1] == UInt8(ascii: "A")) else { return false }
        var depth = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "["):
                guard let end = classEnd(bytes, from: index) else { return false }
                index = end
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { return false }
            case UInt8(ascii: "|") where depth == 0:
                return false
            default:
                break
            }
            index += 1
        }
        return true
    }

    /// The index of the "]" closing the class opened at `start` ("]" right after "[" or "[^"
    /// is a member; escapes are skipped; a POSIX "[:name:]" is passed over whole), nil if none.
    private static func classEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    guard let close = (index + 2..<bytes.count).first(where: { bytes[$0] == UInt8(ascii: "]") }) else { return nil }
                    index = close + 1
                    continue
                }
            case UInt8(ascii: "]"):
                return index
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Whether `regex` means the same as one alternative of a union: compiled from its own
    /// source (not rewritten), without `/x`, and without any construct that reads group numbers
    /// or names, escapes to the end of the pattern, or acts across alternatives. The scan is
    /// cautious: an escape or parenthesis inside a character class counts as well.
    static func isJoinable(_ regex: CompiledRegex) -> Bool {
        guard !regex.options.contains(.extended), regex.patternBytes == regex.literalSource else { return false }
        let bytes = regex.literalSource
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { return false }
                let next = bytes[index + 1]
                // back-references (\1…\9, \g, \k), \Q…\E quoting, \G
                if (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "g") || next == UInt8(ascii: "k")
                    || next == UInt8(ascii: "Q") || next == UInt8(ascii: "G") {
                    return false
                }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "("), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "*") { return false }
                if next == UInt8(ascii: "?"), !isPlainGroupOpening(bytes, after: index + 2) { return false }
            }
            index += 1
        }
        return true
    }

    /// Whether the bytes after "(?" open a group whose meaning does not depend on the rest of
    /// the pattern: `(?:`, look-arounds `(?=` `(?!` `(?<=` `(?<!`, atomic `(?>`, and option
    /// settings made of i, m, s, n and "-" (no `x`, whose comments could run past the union's
    /// closing parenthesis).
    private static func isPlainGroupOpening(_ bytes: [UInt8], after start: Int) -> Bool {
        guard start < bytes.count else { return false }
        switch bytes[start] {
        case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "<"):
            guard start + 1 < bytes.count else { return false }
            return bytes[start + 1] == UInt8(ascii: "=") || bytes[start + 1] == UInt8(ascii: "!")
        default:
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "-"): index += 1
                case UInt8(ascii: ")"), UInt8(ascii: ":"): return index > start
                default: return false
                }
            }
            return false
        }
    }
}
