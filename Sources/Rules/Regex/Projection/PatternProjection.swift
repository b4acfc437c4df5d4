/// Rewrites a PCRE2 pattern (8-bit, non-UTF, as `CompiledRegex` compiles it) for texts whose bytes
/// above 0x7F all belong to a given `HighByteSet` (none at all: pure ASCII text). A literal byte
/// or a class that can only match a byte the text cannot hold never matches; alternatives that
/// need one are dropped, optional items built from one are removed, classes lose such members.
///
/// On such texts the result matches exactly where the original does: a dropped part could not
/// match at any position, and leftmost-first order among the parts kept is unchanged. This
/// relies on case folding in byte mode leaving bytes above 0x7F alone (PCRE2's default tables),
/// and on group numbers not mattering: patterns with backreferences, subroutine calls or
/// conditionals are `unsupported`, as is anything else the parser does not know for certain.
/// SpamAssassin's look-alike letter tags (`replace_tag A (?:[aA@\xc0…]|[\xce][\x86…]|…)`)
/// shrink to a handful of ASCII alternatives.
public struct PatternProjection: GroupRecalling {
    let pattern: [UInt8]
    private let allowed: HighByteSet
    /// Whether the text may hold `&`; without one, HTML entity spellings (`&#x61;`) cannot match.
    private let allowsAmpersand: Bool
    /// The bytes such a text can hold.
    private let occurring: ByteSet
    var index = 0
    private var changed = false
    /// The group nesting of the current alternation, and the deepest reached so far.
    private(set) var depth = 0
    var deepest = 0
    /// Groups projected before, in this pattern or others of its batch.
    let memo: Memo?

    /// Everything a group's projection depends on besides its text.
    struct GroupContext: Hashable, Sendable {
        let allowed: HighByteSet
        let allowsAmpersand: Bool
    }

    typealias Memo = PatternGroupMemo<GroupContext, Part>

    var groupContext: GroupContext { GroupContext(allowed: allowed, allowsAmpersand: allowsAmpersand) }

    /// `changed` (bit 0).
    var sideRecords: UInt32 {
        get { changed ? 1 : 0 }
        set { changed = newValue & 1 != 0 }
    }

    /// Deepest group nesting handled; deeper patterns are `unsupported`.
    static let maxDepth = 200

    /// A parsed item, sequence or alternation: its projected text, or `never` when it cannot
    /// match; `setsOptions` when it holds a bare `(?i)`-style setting, which reaches into the
    /// alternatives after it and so must not be dropped.
    struct Part: Sendable {
        var bytes: [UInt8] = []
        var never = false
        var setsOptions = false
    }

    private init(pattern: [UInt8], allowed: HighByteSet, allowsAmpersand: Bool, memo: Memo?) {
        self.pattern = pattern
        self.memo = memo
        self.allowed = allowed
        self.allowsAmpersand = allowsAmpersand
        occurring = PatternProjection.occurringBytes(allowed: allowed, allowsAmpersand: allowsAmpersand)
    }

    /// The projection of `pattern` for texts whose 8-bit bytes all lie in `allowed`, and which
    /// hold no `&` unless `allowsAmpersand`.
    public static func project(_ pattern: [UInt8], options: RegexOptions = [], allowed: HighByteSet = .none,
                               allowsAmpersand: Bool = true) -> ProjectionOutcome {
        project(pattern, options: options, allowed: allowed, allowsAmpersand: allowsAmpersand, memo: nil)
    }

    /// `memo`: groups projected before, for patterns projected by the thousand.
    static func project(_ pattern: [UInt8], options: RegexOptions = [], allowed: HighByteSet = .none, allowsAmpersand: Bool = true,
                        memo: Memo?) -> ProjectionOutcome {
        guard !options.contains(.extended) else { return .unsupported }
        var projection = PatternProjection(pattern: pattern, allowed: allowed, allowsAmpersand: allowsAmpersand, memo: memo)
        do {
            let whole = try projection.alternation()
            guard projection.index == pattern.count else { return .unsupported }
            if whole.never { return .neverMatches }
            return projection.changed ? .projected(whole.bytes) : .unchanged
        } catch {
            return .unsupported
        }
    }

    // MARK: structure

    private var atEnd: Bool { index >= pattern.count }
    private func peek(_ offset: Int = 0) -> UInt8? { index + offset < pattern.count ? pattern[index + offset] : nil }
    private func peekIs(_ character: Unicode.Scalar, _ offset: Int = 0) -> Bool { peek(offset) == UInt8(ascii: character) }

    private mutating func alternation() throws(UnsupportedPattern) -> Part {
        guard depth <= Self.maxDepth else { throw UnsupportedPattern() }
        deepest = max(deepest, depth)
        var branches: [Part] = [try sequence()]
        while peekIs("|") {
            index += 1
            branches.append(try sequence())
        }
        var result = Part()
        let kept = branches.filter { !$0.never }
        if kept.count < branches.count {
            // A dropped branch's option setting would have applied to the branches after it.
            if branches.contains(where: { $0.never && $0.setsOptions }) { throw UnsupportedPattern() }
            changed = true
        }
        result.never = kept.isEmpty
        result.setsOptions = branches.contains { $0.setsOptions }
        for (offset, branch) in kept.enumerated() {
            if offset > 0 { result.bytes.append(UInt8(ascii: "|")) }
            result.bytes.append(contentsOf: branch.bytes)
        }
        return result
    }

    private mutating func sequence() throws(UnsupportedPattern) -> Part {
        var result = Part()
        while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            let item = try atom()
            if item.setsOptions {
                result.setsOptions = true
                result.bytes.append(contentsOf: item.bytes)
                continue
            }
            let repetition = try quantifier()
            if item.bytes.isEmpty && !item.never { continue }  // an assertion that always holds, dropped
            if item.never {
                changed = true
                if repetition.minimum > 0 { result.never = true }
                continue
            }
            result.bytes.append(contentsOf: item.bytes)
            result.bytes.append(contentsOf: repetition.text)
        }
        if result.never { result.bytes = [] }
        return result
    }

    /// A quantifier after an item, with its lazy or possessive suffix; an empty text and a
    /// minimum of 1 when there is none.
    private mutating func quantifier() throws(UnsupportedPattern) -> (text: ArraySlice<UInt8>, minimum: Int) {
        let start = index
        var minimum = 1
        switch peek() {
        case UInt8(ascii: "*"): minimum = 0; index += 1
        case UInt8(ascii: "?"): minimum = 0; index += 1
        case UInt8(ascii: "+"): index += 1
        case UInt8(ascii: "{"):
            guard let (low, length) = braceQuantifier(at: index) else { return (pattern[start..<start], 1) }
            minimum = low
            index += length
        default:
            return (pattern[start..<start], 1)
        }
        if peekIs("?") || peekIs("+") { index += 1 }
        return (pattern[start..<index], minimum)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `position` (PCRE2 10.42 reads anything else as literal text):
    /// its minimum and length.
    private func braceQuantifier(at position: Int) -> (Int, Int)? {
        var probe = position + 1
        var minimum = 0
        var digits = 0
        while probe < pattern.count, let digit = Self.digitValue(pattern[probe]) {
            minimum = min(minimum * 10 + digit, 1 << 20)
            digits += 1
            probe += 1
        }
        guard digits > 0, probe < pattern.count else { return nil }
        if pattern[probe] == UInt8(ascii: ",") {
            probe += 1
            while probe < pattern.count, Self.digitValue(pattern[probe]) != nil { probe += 1 }
        }
        guard probe < pattern.count, pattern[probe] == UInt8(ascii: "}") else { return nil }
        return (minimum, probe + 1 - position)
    }

    private mutating func atom() throws(UnsupportedPattern) -> Part {
        let byte = pattern[index]
        switch byte {
        case UInt8(ascii: "("):
            index += 1
            return try parseGroupOrRecall() ?? Part()
        case UInt8(ascii: "["):
            return try characterClass()
        case UInt8(ascii: "\\"):
            return try escape()
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw UnsupportedPattern()
        case UInt8(ascii: "{"):
            // Literal here; escaped so that no dropped neighbour can turn it into a quantifier.
            index += 1
            return Part(bytes: Array("\\{".utf8))
        default:
            index += 1
            return byteAtom(byte, text: [byte])
        }
    }

    private func byteAtom(_ byte: UInt8, text: [UInt8]) -> Part {
        canOccur(byte) ? Part(bytes: text) : Part(never: true)
    }

    private func canOccur(_ byte: UInt8) -> Bool { occurring.contains(byte) }

    /// ASCII (without `&` unless `allowsAmpersand`) and the `allowed` bytes above 0x7F.
    private static func occurringBytes(allowed: HighByteSet, allowsAmpersand: Bool) -> ByteSet {
        var set = ByteSet(range: 0...0x7F)
        if !allowsAmpersand { set = set.subtracting(ByteSet([UInt8(ascii: "&")])) }
        set.w2 = allowed.continuation
        set.w3 = allowed.lead
        return set
    }

    /// A group, read after its `(`.
    mutating func parseGroup() throws(UnsupportedPattern) -> Part? {
        let start = index - 1
        var negative = false
        if peekIs("*") { throw UnsupportedPattern() }  // (*VERB)
        if peekIs("?") {
            index += 1
            guard let kind = peek() else { throw UnsupportedPattern() }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "="):
                index += 1
            case UInt8(ascii: "!"):
                index += 1
                negative = true
            case UInt8(ascii: "<"):
                if peekIs("=", 1) { index += 2 } else if peekIs("!", 1) {
                    index += 2
                    negative = true
                } else {
                    index += 1
                    try groupName(closedBy: ">")
                }
            case UInt8(ascii: "'"):
                index += 1
                try groupName(closedBy: "'")
            case UInt8(ascii: "P"):
                guard peekIs("<", 1) else { throw UnsupportedPattern() }  // (?P=name) (?P>name)
                index += 2
                try groupName(closedBy: ">")
            default:
                // Option letters: `(?i)` sets them for the rest of the group, `(?i:…)` scopes them.
                while let letter = peek(), Self.isOptionLetter(letter) { index += 1 }
                guard index > start + 2, let end = peek() else { throw UnsupportedPattern() }
                if end == UInt8(ascii: ")") {
                    index += 1
                    return Part(bytes: Array(pattern[start..<index]), setsOptions: true)
                }
                guard end == UInt8(ascii: ":") else { throw UnsupportedPattern() }
                index += 1
            }
        }
        let prefix = pattern[start..<index]
        depth += 1
        let inner = try alternation()
        depth -= 1
        guard peekIs(")") else { throw UnsupportedPattern() }
        index += 1
        if negative && inner.never {
            // (?!X) where X cannot match always succeeds.
            changed = true
            return Part()
        }
        if inner.never { return Part(never: true) }
        return Part(bytes: Array(prefix) + inner.bytes + [UInt8(ascii: ")")])
    }

    private mutating func groupName(closedBy close: Unicode.Scalar) throws(UnsupportedPattern) {
        while let byte = peek(), byte != UInt8(ascii: close) {
            guard Self.isWordByte(byte) else { throw UnsupportedPattern() }
            index += 1
        }
        guard peekIs(close) else { throw UnsupportedPattern() }
        index += 1
    }

    // MARK: escapes

    private mutating func escape() throws(UnsupportedPattern) -> Part {
        let start = index
        guard let kind = peek(1) else { throw UnsupportedPattern() }
        index += 2
        if kind >= 0x80 { return byteAtom(kind, text: [UInt8(ascii: "\\"), kind]) }
        if let value = try codeValue(kind, inClass: false) {
            // Numeric escapes are rewritten braced: `\x4` followed by a kept `1` must not become `\x41`.
            let numeric = kind == UInt8(ascii: "x") || kind == UInt8(ascii: "o") || kind == UInt8(ascii: "0")
            return byteAtom(value, text: numeric ? Self.bracedEscape(value) : Array(pattern[start..<index]))
        }
        switch kind {
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            try skipPropertyName()
            return Part(bytes: Array(pattern[start..<index]))
        case UInt8(ascii: "N"):
            if peekIs("{") { throw UnsupportedPattern() }
            return Part(bytes: Array(pattern[start..<index]))
        default:
            if !Self.isWordByte(kind) { return byteAtom(kind, text: Array(pattern[start..<index])) }
            guard Self.singleEscapes.contains(kind) else { throw UnsupportedPattern() }
            return Part(bytes: Array(pattern[start..<index]))
        }
    }

    /// After `\` and `kind` (already consumed): the byte a character escape stands for, reading
    /// its digits; nil for escapes that are not one byte.
    private mutating func codeValue(_ kind: UInt8, inClass: Bool) throws(UnsupportedPattern) -> UInt8? {
        switch kind {
        case UInt8(ascii: "x"):
            if peekIs("{") { return try bracedNumber(radix: 16) }
            var value = 0
            for _ in 0..<2 {
                guard let byte = peek(), let digit = Self.hexValue(byte) else { break }
                value = value * 16 + digit
                index += 1
            }
            return UInt8(value)
        case UInt8(ascii: "o"):
            guard peekIs("{") else { throw UnsupportedPattern() }
            return try bracedNumber(radix: 8)
        case UInt8(ascii: "0"):
            return octal(startingWith: 0, moreDigits: 2)
        case UInt8(ascii: "1")...UInt8(ascii: "7"):
            guard inClass else { throw UnsupportedPattern() }  // a backreference outside a class
            return octal(startingWith: Int(kind - UInt8(ascii: "0")), moreDigits: 2)
        case UInt8(ascii: "8"), UInt8(ascii: "9"):
            throw UnsupportedPattern()
        case UInt8(ascii: "c"):
            guard let control = peek(), control < 0x80 else { throw UnsupportedPattern() }
            index += 1
            let upper = control >= UInt8(ascii: "a") && control <= UInt8(ascii: "z") ? control - 32 : control
            return upper ^ 0x40
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "e"): return 0x1B
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "b"): return inClass ? 0x08 : nil
        default: return nil
        }
    }

    private mutating func octal(startingWith first: Int, moreDigits: Int) -> UInt8? {
        var value = first
        for _ in 0..<moreDigits {
            guard let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { break }
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return value <= 0xFF ? UInt8(value) : nil
    }

    private mutating func bracedNumber(radix: Int) throws(UnsupportedPattern) -> UInt8 {
        index += 1
        var value = 0
        var digits = 0
        while let byte = peek(), let digit = Self.hexValue(byte), digit < radix {
            value = min(value * radix + digit, 1 << 24)
            digits += 1
            index += 1
        }
        guard digits > 0, peekIs("}"), value <= 0xFF else { throw UnsupportedPattern() }
        index += 1
        return UInt8(value)
    }

    private mutating func skipPropertyName() throws(UnsupportedPattern) {
        guard let next = peek() else { throw UnsupportedPattern() }
        if next != UInt8(ascii: "{") {
            index += 1
            return
        }
        while let byte = peek(), byte != UInt8(ascii: "}") { index += 1 }
        guard peekIs("}") else { throw UnsupportedPattern() }
        index += 1
    }

    // MARK: classes

    private mutating func characterClass() throws(UnsupportedPattern) -> Part {
        let start = index
        index += 1
        let negated = peekIs("^")
        if negated { index += 1 }
        var members = ByteSet()
        var others: [UInt8] = []  // \d, [:alpha:], \p{…}: kept as written
        var first = true
        while true {
            guard let byte = peek() else { throw UnsupportedPattern() }
            if byte == UInt8(ascii: "]") && !first { break }
            first = false
            if byte == UInt8(ascii: "[") && (peekIs(":", 1) || peekIs(".", 1) || peekIs("=", 1)) {
                guard peekIs(":", 1) else { throw UnsupportedPattern() }
                let posixStart = index
                index += 2
                while let letter = peek(), letter != UInt8(ascii: ":") { index += 1 }
                guard peekIs(":"), peekIs("]", 1) else { throw UnsupportedPattern() }
                index += 2
                others.append(contentsOf: pattern[posixStart..<index])
                continue
            }
            let itemStart = index
            guard let low = try classValue() else {
                others.append(contentsOf: pattern[itemStart..<index])
                continue
            }
            var high = low
            if peekIs("-"), let after = peek(1), after != UInt8(ascii: "]") {
                index += 1
                let endStart = index
                guard let end = try classValue() else {
                    // `a-\d`: PCRE2 reads the hyphen as itself.
                    members.insert(low)
                    members.insert(UInt8(ascii: "-"))
                    others.append(contentsOf: pattern[endStart..<index])
                    continue
                }
                guard end >= low else { throw UnsupportedPattern() }
                high = end
            }
            members = members.union(ByteSet(range: low...high))
        }
        index += 1
        let dropped = !members.subtracting(occurring).isEmpty
        let excludesAll = others.isEmpty && occurring.subtracting(members).isEmpty
        if negated {
            // [^…] is left as written; it cannot match when it excludes every byte the text holds.
            return excludesAll ? Part(never: true) : Part(bytes: Array(pattern[start..<index]))
        }
        guard dropped else { return Part(bytes: Array(pattern[start..<index])) }
        changed = true
        let kept = members.intersection(occurring).members
        if kept.isEmpty && others.isEmpty { return Part(never: true) }
        if kept.count == 1 && others.isEmpty { return Part(bytes: Self.literal(UInt8(kept[0]))) }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.append(contentsOf: others)
        var position = 0
        while position < kept.count {
            var last = position
            while last + 1 < kept.count && kept[last + 1] == kept[last] + 1 { last += 1 }
            bytes.append(contentsOf: Self.hexEscape(UInt8(kept[position])))
            if last > position {
                bytes.append(UInt8(ascii: "-"))
                bytes.append(contentsOf: Self.hexEscape(UInt8(kept[last])))
            }
            position = last + 1
        }
        bytes.append(UInt8(ascii: "]"))
        return Part(bytes: bytes)
    }

    /// One class member that is a single byte (consumed), or nil for a member that is a set of its
    /// own (`\d`, `\p{L}`; consumed too).
    private mutating func classValue() throws(UnsupportedPattern) -> UInt8? {
        let byte = pattern[index]
        guard byte == UInt8(ascii: "\\") else {
            index += 1
            return byte
        }
        guard let kind = peek(1) else { throw UnsupportedPattern() }
        index += 2
        if kind >= 0x80 { return kind }
        if let value = try codeValue(kind, inClass: true) { return value }
        switch kind {
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "S"),
             UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"):
            return nil
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            try skipPropertyName()
            return nil
        default:
            guard !Self.isWordByte(kind) else { throw UnsupportedPattern() }
            return kind
        }
    }

    // MARK: bytes

    /// Letter escapes standing for something other than one literal byte (outside classes).
    private static let singleEscapes: Set<UInt8> = Set("dDwWsShHvVRXCbBAzZGK".utf8)

    private static func isOptionLetter(_ byte: UInt8) -> Bool {
        // `x` changes how the rest is read, which this parser does not follow.
        "imnsJU-^".utf8.contains(byte)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        if let digit = digitValue(byte) { return digit }
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f") { return Int(byte - UInt8(ascii: "a")) + 10 }
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") { return Int(byte - UInt8(ascii: "A")) + 10 }
        return nil
    }

    private static func hexEscape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
    }

    private static func bracedEscape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return Array("\\x{".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 15)], UInt8(ascii: "}")]
    }

    /// A single byte as a pattern atom: letters and digits as themselves (so literal prefilters
    /// see them), anything else escaped.
    private static func literal(_ byte: UInt8) -> [UInt8] {
        isWordByte(byte) && byte != UInt8(ascii: "_") ? [byte] : bracedEscape(byte)
    }
}
