/// Finds the groups of a PCRE2 pattern for `PatternFactoring`: each group's byte range
/// (parentheses included), whether it may be moved into a subroutine, and how many copies of it
/// PCRE2 compiles (a counted quantifier makes several). Returns nil for a pattern it will not
/// have rewritten: inline option changes, back references, recursion, verbs, conditions, or
/// syntax it does not follow.
enum GroupScanner {
    struct Group {
        let range: Range<Int>
        /// A `(?:…)` group with no capturing group inside.
        let isFactorable: Bool
        /// How many copies PCRE2 compiles: `{n}` and `{n,m}` repeat the group's code.
        let copies: Int
    }

    private struct Open {
        let start: Int
        let plain: Bool
        var hasCapture = false
    }

    static func groups(in pattern: [UInt8], extended: Bool) -> [Group]? {
        var groups: [Group] = []
        var stack: [Open] = []
        var index = 0
        let count = pattern.count
        func byte(_ at: Int) -> UInt8? { at < count ? pattern[at] : nil }
        while index < count {
            let current = pattern[index]
            switch current {
            case UInt8(ascii: "\\"):
                guard let next = byte(index + 1) else { return nil }
                switch next {
                case UInt8(ascii: "Q"):
                    // Quoted up to \E (or the end).
                    var cursor = index + 2
                    while cursor < count, !(pattern[cursor] == UInt8(ascii: "\\") && byte(cursor + 1) == UInt8(ascii: "E")) { cursor += 1 }
                    guard cursor < count else { return nil }
                    index = cursor + 2
                    continue
                case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "g"), UInt8(ascii: "k"):
                    return nil  // back references and subroutine calls
                case UInt8(ascii: "c"):
                    index += 3
                    continue
                default:
                    index += 2
                    continue
                }
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return nil }
                index = end + 1
                continue
            case UInt8(ascii: "#") where extended:
                while index < count, pattern[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "("):
                let next = byte(index + 1)
                if next == UInt8(ascii: "*") { return nil }
                if next != UInt8(ascii: "?") {
                    if !stack.isEmpty { stack[stack.count - 1].hasCapture = true }
                    stack.append(Open(start: index, plain: false, hasCapture: true))
                    index += 1
                    continue
                }
                guard let kind = byte(index + 2) else { return nil }
                switch kind {
                case UInt8(ascii: ":"):
                    stack.append(Open(start: index, plain: true))
                    index += 3
                case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"):
                    stack.append(Open(start: index, plain: false))
                    index += 3
                case UInt8(ascii: "<") where byte(index + 3) == UInt8(ascii: "=") || byte(index + 3) == UInt8(ascii: "!"):
                    stack.append(Open(start: index, plain: false))
                    index += 4
                case UInt8(ascii: "&") where pattern[(index + 3)...].starts(with: PatternFactoring.namePrefix):
                    // A call PatternFactoring made: not a group.
                    while index < count, pattern[index] != UInt8(ascii: ")") { index += 1 }
                    guard index < count else { return nil }
                    index += 1
                case UInt8(ascii: "#"):
                    while index < count, pattern[index] != UInt8(ascii: ")") { index += 1 }
                    guard index < count else { return nil }
                    index += 1
                default:
                    // Named groups, inline options, conditions, recursion, (?| …: not rewritten.
                    return nil
                }
                continue
            case UInt8(ascii: ")"):
                guard let open = stack.popLast() else { return nil }
                if open.hasCapture, !stack.isEmpty { stack[stack.count - 1].hasCapture = true }
                let range = open.start..<(index + 1)
                groups.append(Group(range: range, isFactorable: open.plain && !open.hasCapture, copies: copies(after: index + 1, in: pattern)))
                index += 1
                continue
            default:
                index += 1
            }
        }
        return stack.isEmpty ? groups : nil
    }

    /// The index of the `]` closing the class that opens at `start`.
    private static func classEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") { index += 1 }
        if index < pattern.count, pattern[index] == UInt8(ascii: "]") { index += 1 }  // a leading ] is a member
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "["):
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") {
                    // [:name:]
                    var cursor = index + 2
                    while cursor + 1 < pattern.count, !(pattern[cursor] == UInt8(ascii: ":") && pattern[cursor + 1] == UInt8(ascii: "]")) { cursor += 1 }
                    guard cursor + 1 < pattern.count else { return nil }
                    index = cursor + 2
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

    /// The copies a quantifier at `index` makes PCRE2 compile: `{n}` → n, `{n,m}` → m,
    /// `{n,}` → n + 1; 1 for anything else.
    private static func copies(after index: Int, in pattern: [UInt8]) -> Int {
        guard index < pattern.count, pattern[index] == UInt8(ascii: "{") else { return 1 }
        var cursor = index + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while cursor < pattern.count, pattern[cursor] >= 0x30, pattern[cursor] <= 0x39, digits < 5 {
                value = value * 10 + Int(pattern[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        guard let low = number() else { return 1 }
        var high: Int? = low
        if cursor < pattern.count, pattern[cursor] == UInt8(ascii: ",") {
            cursor += 1
            high = number()
            if high == nil { high = low + 1 }
        }
        guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "}"), let high else { return 1 }
        return max(1, low, high)
    }
}
