/// Perl, matching a byte string, lets a pattern name characters above 255 (`\x{0456}`); they
/// simply never match a byte. PCRE2 in byte mode refuses them. This rewrites such escapes with
/// the same meaning for bytes: outside a class a never-matching `(?!)`, inside a class nothing
/// (a range reaching past 255 ends at `\xff`).
enum WideCodePoints {
    /// The rewritten pattern, or nil when it names no character above 255.
    static func rewrite(_ pattern: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var classStart: Int?  // where the current class's members begin in `output`
        var classNegated = false
        var quoting = false
        while index < pattern.count {
            let byte = pattern[index]
            if quoting {
                if byte == UInt8(ascii: "\\"), index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: "E") { quoting = false }
                output.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < pattern.count {
                let next = pattern[index + 1]
                if next == UInt8(ascii: "Q") { quoting = true }
                if let (value, length) = bracedValue(pattern, at: index), value > 0xFF {
                    changed = true
                    if classStart != nil {
                        // Inside a class: drop it; a range ending here ends at \xff instead.
                        if let last = output.last, last == UInt8(ascii: "-"), output.count - 1 > classStart! {
                            output.append(contentsOf: Array("\\xff".utf8))
                        }
                    } else {
                        output.append(contentsOf: Array("(?!)".utf8))
                    }
                    index += length
                    // A range starting at a wide character lies entirely above 255.
                    if classStart != nil, index + 1 < pattern.count, pattern[index] == UInt8(ascii: "-"), pattern[index + 1] != UInt8(ascii: "]") {
                        index += 1
                        if pattern[index] == UInt8(ascii: "\\"), let (_, rangeLength) = bracedValue(pattern, at: index) {
                            index += rangeLength
                        } else {
                            index += pattern[index] == UInt8(ascii: "\\") ? 2 : 1
                        }
                    }
                    continue
                }
                output.append(byte)
                output.append(next)
                index += 2
                continue
            }
            if classStart == nil, byte == UInt8(ascii: "[") {
                output.append(byte)
                index += 1
                classNegated = index < pattern.count && pattern[index] == UInt8(ascii: "^")
                if classNegated {
                    output.append(UInt8(ascii: "^"))
                    index += 1
                }
                classStart = output.count
                // A "]" right after the opening is a member.
                if index < pattern.count, pattern[index] == UInt8(ascii: "]") {
                    output.append(UInt8(ascii: "]"))
                    index += 1
                }
                continue
            }
            if let start = classStart, byte == UInt8(ascii: "[") , index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") {
                // A POSIX class inside a class: copy through its ":]".
                var end = index + 2
                while end + 1 < pattern.count, !(pattern[end] == UInt8(ascii: ":") && pattern[end + 1] == UInt8(ascii: "]")) { end += 1 }
                output.append(contentsOf: pattern[index..<min(end + 2, pattern.count)])
                index = min(end + 2, pattern.count)
                _ = start
                continue
            }
            if let start = classStart, byte == UInt8(ascii: "]") {
                if output.count == start {
                    // Every member was wide: the class matches no byte (or, negated, any byte).
                    output.removeLast(classNegated ? 2 : 1)
                    output.append(contentsOf: Array((classNegated ? "[\\x00-\\xff]" : "(?!)").utf8))
                } else {
                    output.append(byte)
                }
                classStart = nil
                index += 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return changed ? output : nil
    }

    /// `\x{…}`, `\o{…}` or `\N{U+…}` at `index`: its value and length.
    private static func bracedValue(_ pattern: [UInt8], at index: Int) -> (Int, Int)? {
        guard index + 2 < pattern.count, pattern[index] == UInt8(ascii: "\\") else { return nil }
        var cursor = index + 1
        let radix: Int
        switch pattern[cursor] {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        case UInt8(ascii: "N"):
            guard index + 4 < pattern.count, pattern[index + 2] == UInt8(ascii: "{"), pattern[index + 3] == UInt8(ascii: "U"),
                  pattern[index + 4] == UInt8(ascii: "+") else { return nil }
            cursor = index + 4
            radix = 16
        default: return nil
        }
        cursor += 1
        if radix != 16 || pattern[index + 1] != UInt8(ascii: "N") {
            guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "{") else { return nil }
            cursor += 1
        }
        var value = 0, digits = 0
        while cursor < pattern.count, pattern[cursor] != UInt8(ascii: "}") {
            guard let digit = Int(String(UnicodeScalar(pattern[cursor])), radix: radix), digits < 8 else { return nil }
            value = value * radix + digit
            digits += 1
            cursor += 1
        }
        guard cursor < pattern.count, digits > 0 else { return nil }
        return (value, cursor + 1 - index)
    }
}
