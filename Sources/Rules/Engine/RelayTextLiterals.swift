/// Sharper required literals for rules on the `X-Spam-Relays-*` texts. Every relay there reads
/// `[ ip=… rdns=… helo=… by=… ident=… envfrom=… intl=… id=… auth=… msa=0 ]`, so the literal the
/// extractor prefers for `/^[^\]]+ rdns=\S*(?:fix|static)/` (" rdns=", the longest) is in every
/// text and filters nothing. Such a rule gets the literals of the pattern after its top-level
/// `key=` instead: a match of the whole holds a match of that tail, so they are as sound.
enum RelayTextLiterals {
    /// The fixed pieces of every relay text, lowercased: a literal inside one of them is in
    /// every text that has a relay.
    static let skeleton: [[UInt8]] = ["[ ip=", " rdns=", " helo=", " by=", " ident=", " envfrom=", " intl=", " id=", " auth=", " msa=0 ]"]
        .map { Array($0.utf8) }

    /// Literals for a rule on a relay text: the extractor's own when none of them is in the
    /// skeleton, else the first sharper set found after a top-level "=" (nil: always run).
    static func literals(for pattern: [UInt8], options: RegexOptions) -> [[UInt8]]? {
        literals(for: pattern, options: options, own: RequiredLiterals.extract(from: pattern, options: options))
    }

    /// The same, given the extractor's own literals (`own`, already read).
    static func literals(for pattern: [UInt8], options: RegexOptions, own: [[UInt8]]?) -> [[UInt8]]? {
        if let own, !own.contains(where: isInSkeleton) { return own }
        for cut in tailStarts(of: pattern, options: options) {
            if let tail = RequiredLiterals.extract(from: Array(pattern[cut...]), options: options),
               !tail.isEmpty, !tail.contains(where: isInSkeleton) {
                return tail
            }
        }
        return own
    }

    /// Whether `literal` (lowercased) occurs in one of the skeleton's pieces.
    static func isInSkeleton(_ literal: [UInt8]) -> Bool {
        skeleton.contains { piece in
            guard literal.count <= piece.count else { return false }
            return (0...(piece.count - literal.count)).contains { piece[$0..<($0 + literal.count)].elementsEqual(literal) }
        }
    }

    /// Offsets just after each "=" standing at the top level of `pattern` (outside groups,
    /// classes, escapes and counted repetitions) and not followed by a quantifier: where the
    /// rest of the pattern is a pattern of its own that every match ends with. None when the
    /// pattern has a top-level alternation, inline options, `\Q` quoting or the x flag, which
    /// would make the tail read differently alone.
    static func tailStarts(of pattern: [UInt8], options: RegexOptions) -> [Int] {
        guard !options.contains(.extended) else { return [] }
        var starts: [Int] = []
        var depth = 0, index = 0
        let count = pattern.count
        func byte(_ offset: Int) -> UInt8? { offset < count ? pattern[offset] : nil }
        while index < count {
            let current = pattern[index]
            switch current {
            case UInt8(ascii: "\\"):
                guard let next = byte(index + 1) else { return [] }
                if next == UInt8(ascii: "Q") { return [] }
                index += 2
                // \x{…}, \p{…}, \N{…}, \g{…}, \o{…}, \k<…>, \k{…}, \cX: skip the rest of the escape
                if let opener = byte(index), opener == UInt8(ascii: "{") || opener == UInt8(ascii: "<"),
                   [UInt8(ascii: "x"), UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "N"), UInt8(ascii: "g"),
                    UInt8(ascii: "o"), UInt8(ascii: "k")].contains(next) {
                    let closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ">")
                    while index < count, pattern[index] != closer { index += 1 }
                    index += 1
                } else if next == UInt8(ascii: "c") {
                    index += 1
                }
                continue
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return [] }
                index = end + 1
                continue
            case UInt8(ascii: "("):
                if byte(index + 1) == UInt8(ascii: "?"), let flag = byte(index + 2),
                   isLetter(flag) || flag == UInt8(ascii: "-") || flag == UInt8(ascii: "^") || flag == UInt8(ascii: "#") {
                    return []
                }
                if byte(index + 1) == UInt8(ascii: "*") { return [] }
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { return [] }
            case UInt8(ascii: "|"):
                if depth == 0 { return [] }
            case UInt8(ascii: "{"):
                while index < count, pattern[index] != UInt8(ascii: "}") { index += 1 }
            case UInt8(ascii: "="):
                if depth == 0, let next = byte(index + 1), !isQuantifier(next) { starts.append(index + 1) }
            default:
                break
            }
            index += 1
        }
        return depth == 0 ? starts : []
    }

    /// The offset of the "]" closing the class opened at `start`, or nil.
    private static func classEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        if index < pattern.count, pattern[index] == UInt8(ascii: "^") { index += 1 }
        if index < pattern.count, pattern[index] == UInt8(ascii: "]") { index += 1 }
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "["):
                // a POSIX class such as [:alpha:]
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") {
                    index += 2
                    while index + 1 < pattern.count, !(pattern[index] == UInt8(ascii: ":") && pattern[index + 1] == UInt8(ascii: "]")) { index += 1 }
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "]"): return index
            default: index += 1
            }
        }
        return nil
    }

    private static func isQuantifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "{")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
