/// For `StartGuard`: a group first in a pattern whose branches are all zero-width assertions
/// (`^`, `\A`, `\b`, `\B`, lookarounds), as `LeadingByteAlternation` makes of SpamAssassin's
/// `(?:^|\s)word`: `(?:^|(?<=\s))word`.
///
/// Such a group `A` and a start guard `(?=G)` test the same position without moving, so `A(?=G)R`
/// matches exactly where `(?=G)(?:AR)` does. Testing `A` first is much cheaper on text: most
/// positions are inside words, where `(?<=\s)` fails at one compare while `G` walks a trie.
enum LeadingAssertionGroup {
    /// The length of the group, when the pattern starts with one and has no `|` outside groups
    /// (so that the rest of it is one sequence after the group); nil otherwise.
    static func length(in pattern: [UInt8]) -> Int? {
        let opener: Int
        if pattern.starts(with: Array("(?:".utf8)) {
            opener = 3
        } else if pattern.count > 1, pattern[0] == UInt8(ascii: "("), pattern[1] != UInt8(ascii: "?"), pattern[1] != UInt8(ascii: "*") {
            opener = 1
        } else {
            return nil
        }
        guard let inner = topLevelBars(pattern, from: opener), let close = inner.end else { return nil }
        var branchStart = opener
        for end in inner.bars + [close] {
            guard isAssertion(pattern[branchStart..<end]) else { return nil }
            branchStart = end + 1
        }
        let after = close + 1
        guard after < pattern.count, !"?*+{".utf8.contains(pattern[after]),
              let whole = topLevelBars(pattern, from: 0), whole.end == nil, whole.bars.isEmpty else { return nil }
        return after
    }

    /// One zero-width branch: an anchor or a lookaround that is the whole branch.
    private static func isAssertion(_ branch: ArraySlice<UInt8>) -> Bool {
        let text = Array(branch)
        if [[UInt8(ascii: "^")], Array("\\A".utf8), Array("\\b".utf8), Array("\\B".utf8)].contains(text) { return true }
        guard ["(?=", "(?!", "(?<=", "(?<!"].contains(where: { text.starts(with: Array($0.utf8)) }),
              let inside = topLevelBars(text, from: text[2] == UInt8(ascii: "<") ? 4 : 3), let end = inside.end else { return false }
        return end == text.count - 1
    }

    /// From `start`, inside a group (or the whole pattern): the offsets of its `|` outside nested
    /// groups, and of the `)` closing it (nil when the pattern ends first). Nil for syntax this
    /// scan does not follow (`\Q`, an unclosed class).
    private static func topLevelBars(_ pattern: [UInt8], from start: Int) -> (bars: [Int], end: Int?)? {
        var bars: [Int] = []
        var depth = 0
        var index = start
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                guard index + 1 < pattern.count, pattern[index + 1] != UInt8(ascii: "Q") else { return nil }
                index += 2
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return nil }
                index = end + 1
            case UInt8(ascii: "("):
                if pattern[index...].starts(with: Array("(?#".utf8)) {
                    guard let end = pattern[index...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
                    index = end + 1
                } else {
                    depth += 1
                    index += 1
                }
            case UInt8(ascii: ")"):
                if depth == 0 { return (bars, index) }
                depth -= 1
                index += 1
            case UInt8(ascii: "|"):
                if depth == 0 { bars.append(index) }
                index += 1
            default:
                index += 1
            }
        }
        return (bars, nil)
    }

    /// The offset of the `]` closing the class opened at `start`.
    private static func classEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") { index += 1 }
        if index < pattern.count, pattern[index] == UInt8(ascii: "]") { index += 1 }  // a leading `]` is a member
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                guard index + 1 < pattern.count, pattern[index + 1] != UInt8(ascii: "Q") else { return nil }
                index += 2
            case UInt8(ascii: "["):
                // A POSIX class `[:name:]` holds no `]` before its own close; `[.` and `[=` are refused.
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ".") || pattern[index + 1] == UInt8(ascii: "=") { return nil }
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") {
                    guard let close = pattern[(index + 2)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                    index = close + 1
                } else {
                    index += 1
                }
            case UInt8(ascii: "]"):
                return index
            default:
                index += 1
            }
        }
        return nil
    }
}
