/// Rewrites a PCRE2 pattern (8-bit, non-UTF, as `CompiledRegex` compiles it) into one that
/// matches somewhere in a text exactly when the original does, for rules that only ask whether
/// they match (not where, not how often). It removes what can match the empty string at the very
/// start of the pattern, which otherwise stops PCRE2 from computing the bytes a match can start
/// with, so that it tries every position of the text:
///
/// - an optional item first in the pattern (`X?`, `X*`, `X{0,n}`, lazy too) is dropped: a match
///   of `XY` exists iff a match of `Y` does (a match of `XY` holds one of `Y` where `X` ended; a
///   match of `Y` is one of `XY` with `X` empty). Assertions in `Y` see the same text at the same
///   positions. Only at the very start: an item before it (`^`, `\b`, a lookbehind) would test
///   a different position.
/// - a group first in the pattern and matched once is rewritten inside: each branch drops its
///   own leading optional items; a branch left empty lets the whole group match empty, so the
///   group is dropped.
/// - a counted group first in the pattern, `(?:A){n,m}` with n ≥ 1, is unrolled once into
///   `(?:A')(?:A){n-1,m-1}` where `A'` is `A` rewritten.
///
/// Nothing is rewritten in patterns whose meaning depends on more than the text and the position:
/// back references, subroutine calls and recursion, conditions, `\G`, verbs such as `(*COMMIT)`
/// (they end the search at other start positions); nor with `/x`, `\Q…\E`, or syntax this parser
/// does not follow for certain. Possessive quantifiers and atomic groups are never opened.
public struct LeadingOptionalRewrite {
    private let pattern: [UInt8]
    private var index = 0
    private var changed = false
    private var namedGroups = 0

    /// Deepest group nesting handled; deeper patterns are not rewritten.
    static let maxDepth = 200

    private struct Unsupported: Error {}

    /// A rewritten sequence or alternation; `matchesEmpty` when, in leading position, everything
    /// in it (or in one of its branches) was dropped, so it can match the empty string anywhere.
    private struct Part {
        var bytes: [UInt8] = []
        var matchesEmpty = false
    }

    private enum Atom {
        /// A bare option setting such as `(?i)`: it applies to the rest of its group, so it stays.
        case settings
        /// `(?#…)`.
        case comment
        /// A group the rewrite may open: non-capturing, capturing, option-scoped or branch-reset.
        /// `unrollable` when copying it cannot duplicate a group name.
        case group(opener: Range<Int>, inner: Range<Int>, unrollable: Bool)
        /// Anything else: a byte, class, escape, assertion, atomic group, lookaround.
        case other
    }

    private init(pattern: [UInt8]) { self.pattern = pattern }

    /// The rewritten pattern, or nil when nothing could be dropped or the pattern holds something
    /// the rewrite refuses.
    public static func rewrite(_ pattern: [UInt8], options: RegexOptions = []) -> [UInt8]? {
        guard !options.contains(.extended) else { return nil }
        var rewrite = LeadingOptionalRewrite(pattern: pattern)
        do {
            let whole = try rewrite.alternation(depth: 0, leading: true)
            guard rewrite.index == pattern.count, rewrite.changed else { return nil }
            return whole.matchesEmpty ? [] : whole.bytes
        } catch {
            return nil
        }
    }

    // MARK: structure

    private func peek(_ offset: Int = 0) -> UInt8? { index + offset < pattern.count ? pattern[index + offset] : nil }
    private func peekIs(_ character: Unicode.Scalar, _ offset: Int = 0) -> Bool { peek(offset) == UInt8(ascii: character) }

    private mutating func alternation(depth: Int, leading: Bool) throws(Unsupported) -> Part {
        guard depth <= Self.maxDepth else { throw Unsupported() }
        var result = try sequence(depth: depth, leading: leading)
        while peekIs("|") {
            index += 1
            let branch = try sequence(depth: depth, leading: leading)
            result.bytes.append(UInt8(ascii: "|"))
            result.bytes.append(contentsOf: branch.bytes)
            result.matchesEmpty = result.matchesEmpty || branch.matchesEmpty
        }
        return result
    }

    private mutating func sequence(depth: Int, leading: Bool) throws(Unsupported) -> Part {
        var result = Part()
        var stillLeading = leading
        while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            let start = index
            let atom = try atom(depth: depth)
            let quantifier = try quantifier(after: atom)
            let end = index
            guard stillLeading else {
                result.bytes.append(contentsOf: pattern[start..<end])
                continue
            }
            switch atom {
            case .settings, .comment:
                result.bytes.append(contentsOf: pattern[start..<end])
            case _ where quantifier.minimum == 0 && quantifier.mode != .possessive:
                changed = true
            case .group(let opener, let inner, let unrollable) where quantifier.mode != .possessive && (quantifier.isOnce || unrollable):
                if quantifier.isOnce, let assertions = LeadingByteAlternation.assertions(for: pattern[inner]) {
                    changed = true
                    result.bytes.append(contentsOf: pattern[opener])
                    result.bytes.append(contentsOf: assertions)
                    result.bytes.append(UInt8(ascii: ")"))
                    stillLeading = false
                    continue
                }
                let changedBefore = changed
                changed = false
                let first = try leadingGroup(inner: inner, depth: depth)
                index = end
                let firstChanged = changed
                changed = changedBefore || firstChanged
                if first.matchesEmpty {
                    changed = true  // the group, so the item, can match empty here
                    continue
                }
                if !firstChanged {
                    result.bytes.append(contentsOf: pattern[start..<end])
                } else {
                    result.bytes.append(contentsOf: pattern[opener])
                    result.bytes.append(contentsOf: first.bytes)
                    result.bytes.append(UInt8(ascii: ")"))
                    if !quantifier.isOnce {
                        result.bytes.append(contentsOf: pattern[opener.lowerBound..<(inner.upperBound + 1)])
                        result.bytes.append(contentsOf: quantifier.lessOne.text)
                    }
                }
                stillLeading = false
            default:
                result.bytes.append(contentsOf: pattern[start..<end])
                stillLeading = false
            }
        }
        result.matchesEmpty = stillLeading
        return result
    }

    /// The branches of a group's content (`inner`) rewritten as leading; leaves `index` at its end.
    private mutating func leadingGroup(inner: Range<Int>, depth: Int) throws(Unsupported) -> Part {
        index = inner.lowerBound
        let part = try alternation(depth: depth + 1, leading: true)
        guard index == inner.upperBound else { throw Unsupported() }
        return part
    }

    // MARK: items

    private mutating func atom(depth: Int) throws(Unsupported) -> Atom {
        switch pattern[index] {
        case UInt8(ascii: "("):
            return try group(depth: depth)
        case UInt8(ascii: "["):
            try skipClass()
            return .other
        case UInt8(ascii: "\\"):
            try skipEscape()
            return .other
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw Unsupported()
        case UInt8(ascii: "{"):
            // PCRE2 reads a `{` that does not open a quantifier as itself; anything near one is refused.
            if let next = peek(1), Self.isDigit(next) || next == UInt8(ascii: ",") || next == UInt8(ascii: " ") { throw Unsupported() }
            index += 1
            return .other
        default:
            index += 1
            return .other
        }
    }

    /// The quantifier after `atom` (consumed), `once` when there is none.
    private mutating func quantifier(after atom: Atom) throws(Unsupported) -> PatternQuantifier {
        var result: PatternQuantifier
        switch peek() {
        case UInt8(ascii: "?"): result = PatternQuantifier(minimum: 0, maximum: 1)
        case UInt8(ascii: "*"): result = PatternQuantifier(minimum: 0, maximum: nil)
        case UInt8(ascii: "+"): result = PatternQuantifier(minimum: 1, maximum: nil)
        case UInt8(ascii: "{"):
            guard let (bounds, length) = try braceQuantifier() else { return .once }
            result = bounds
            index += length - 1
        default:
            return .once
        }
        index += 1
        if case .settings = atom { throw Unsupported() }
        if case .comment = atom { throw Unsupported() }
        if peekIs("?") {
            result.mode = .lazy
            index += 1
        } else if peekIs("+") {
            result.mode = .possessive
            index += 1
        }
        return result
    }

    /// `{n}`, `{n,}` or `{n,m}` at `index`: its bounds and length; nil for a `{` PCRE2 10.42 reads
    /// as itself. Forms later versions read differently (`{,m}`, spaces) are refused.
    private func braceQuantifier() throws(Unsupported) -> (PatternQuantifier, Int)? {
        var probe = index + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while probe < pattern.count, Self.isDigit(pattern[probe]) {
                value = min(value * 10 + Int(pattern[probe] - UInt8(ascii: "0")), 1 << 20)
                digits += 1
                probe += 1
            }
            return digits > 0 ? value : nil
        }
        guard let next = peek(1) else { return nil }
        guard Self.isDigit(next) else {
            if next == UInt8(ascii: ",") || next == UInt8(ascii: " ") { throw Unsupported() }
            return nil
        }
        guard let low = number() else { throw Unsupported() }
        var high: Int? = low
        if probe < pattern.count, pattern[probe] == UInt8(ascii: ",") {
            probe += 1
            high = number()
        }
        guard probe < pattern.count, pattern[probe] == UInt8(ascii: "}") else { throw Unsupported() }
        if let high, high < low { throw Unsupported() }
        return (PatternQuantifier(minimum: low, maximum: high), probe + 1 - index)
    }

    private mutating func group(depth: Int) throws(Unsupported) -> Atom {
        let start = index
        index += 1
        var openable = true
        var named = false
        if peekIs("*") { throw Unsupported() }  // verbs, (*pla:…)
        if peekIs("?") {
            index += 1
            guard let kind = peek() else { throw Unsupported() }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: "|"):
                index += 1
            case UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "!"):
                index += 1
                openable = false
            case UInt8(ascii: "#"):
                while let byte = peek(), byte != UInt8(ascii: ")") { index += 1 }
                guard peekIs(")") else { throw Unsupported() }
                index += 1
                return .comment
            case UInt8(ascii: "<"):
                if peekIs("=", 1) || peekIs("!", 1) {
                    index += 2
                    openable = false
                } else {
                    index += 1
                    try groupName(closedBy: ">")
                    named = true
                }
            case UInt8(ascii: "'"):
                index += 1
                try groupName(closedBy: "'")
                named = true
            case UInt8(ascii: "P"):
                guard peekIs("<", 1) else { throw Unsupported() }  // (?P=name) (?P>name)
                index += 2
                try groupName(closedBy: ">")
                named = true
            default:
                // Option letters: `(?i)` sets them for the rest of the group, `(?i:…)` scopes them.
                while let letter = peek(), Self.isOptionLetter(letter) { index += 1 }
                guard index > start + 2, let end = peek() else { throw Unsupported() }
                if end == UInt8(ascii: ")") {
                    index += 1
                    return .settings
                }
                guard end == UInt8(ascii: ":") else { throw Unsupported() }
                index += 1
            }
        }
        if named { namedGroups += 1 }
        let opener = start..<index
        let namedBefore = namedGroups
        _ = try alternation(depth: depth + 1, leading: false)
        guard peekIs(")") else { throw Unsupported() }
        let inner = opener.upperBound..<index
        index += 1
        guard openable else { return .other }
        return .group(opener: opener, inner: inner, unrollable: !named && namedGroups == namedBefore)
    }

    private mutating func groupName(closedBy close: Unicode.Scalar) throws(Unsupported) {
        let start = index
        while let byte = peek(), byte != UInt8(ascii: close) {
            guard Self.isWordByte(byte) else { throw Unsupported() }
            index += 1
        }
        guard index > start, peekIs(close) else { throw Unsupported() }
        index += 1
    }

    private mutating func skipEscape() throws(Unsupported) {
        guard let kind = peek(1) else { throw Unsupported() }
        index += 2
        switch kind {
        case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "g"), UInt8(ascii: "k"), UInt8(ascii: "G"),
             UInt8(ascii: "Q"), UInt8(ascii: "E"), UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "l"), UInt8(ascii: "L"):
            throw Unsupported()  // back references, \G, quoting, Perl case escapes
        case UInt8(ascii: "0"):
            for _ in 0..<2 {
                guard let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else { break }
                index += 1
            }
        case UInt8(ascii: "x"):
            if peekIs("{") { try skipBraces() } else {
                for _ in 0..<2 {
                    guard let digit = peek(), Self.isHexDigit(digit) else { break }
                    index += 1
                }
            }
        case UInt8(ascii: "o"):
            guard peekIs("{") else { throw Unsupported() }
            try skipBraces()
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            if peekIs("{") { try skipBraces() } else {
                guard peek() != nil else { throw Unsupported() }
                index += 1
            }
        case UInt8(ascii: "N"):
            if peekIs("{") { throw Unsupported() }
        case UInt8(ascii: "c"):
            guard let control = peek(), control < 0x80 else { throw Unsupported() }
            index += 1
        default:
            break
        }
    }

    private mutating func skipBraces() throws(Unsupported) {
        while let byte = peek(), byte != UInt8(ascii: "}") {
            guard byte != UInt8(ascii: "]"), byte != UInt8(ascii: ")") else { throw Unsupported() }
            index += 1
        }
        guard peekIs("}") else { throw Unsupported() }
        index += 1
    }

    private mutating func skipClass() throws(Unsupported) {
        index += 1
        if peekIs("^") { index += 1 }
        if peekIs("]") { index += 1 }  // a leading `]` is a member
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "]"):
                index += 1
                return
            case UInt8(ascii: "\\"):
                guard let kind = peek(1) else { throw Unsupported() }
                if kind == UInt8(ascii: "Q") || kind == UInt8(ascii: "E") || (kind == UInt8(ascii: "N") && peekIs("{", 2)) { throw Unsupported() }
                index += 2
                if (kind == UInt8(ascii: "x") || kind == UInt8(ascii: "o") || kind == UInt8(ascii: "p") || kind == UInt8(ascii: "P")) && peekIs("{") {
                    try skipBraces()
                } else if kind == UInt8(ascii: "c") {
                    index += 1
                }
            case UInt8(ascii: "["):
                if peekIs(":", 1) || peekIs(".", 1) || peekIs("=", 1) {
                    // A POSIX class `[:name:]`; refused unless plainly closed before any `]`.
                    let close = pattern[index + 1]
                    index += 2
                    while let inner = peek(), inner != UInt8(ascii: "]") {
                        if inner == close && peekIs("]", 1) { break }
                        guard Self.isWordByte(inner) || inner == UInt8(ascii: "^") else { throw Unsupported() }
                        index += 1
                    }
                    guard peek() == close, peekIs("]", 1) else { throw Unsupported() }
                    index += 2
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        throw Unsupported()
    }

    // MARK: bytes

    private static func isOptionLetter(_ byte: UInt8) -> Bool {
        // `x` changes how the rest is read, which this parser does not follow.
        "imnsJU-^".utf8.contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }
}
