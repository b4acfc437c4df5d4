/// A recursive-descent reader of PCRE2/Perl pattern syntax that computes `LiteralInfo`.
struct PatternLiteralParser: PatternCursor, GroupRecalling {
    let pattern: [UInt8]
    var index = 0
    private var extended: Bool
    private var quoting = false
    private(set) var depth = 0
    static let maxDepth = 100
    /// Read the pattern as if texts held only ASCII bytes and no `&`: a byte above 0x7F or an `&`
    /// can never match, so alternatives that need one (look-alike letters, `&#NNN;` entities)
    /// drop out (see `RequiredLiterals.extract(asciiText:)`).
    let asciiText: Bool
    /// Read the pattern as if texts held, above 0x7F, only these bytes (and maybe an `&`): a
    /// byte above 0x7F outside the set can never match (see `RequiredLiterals.extract(highBytes:)`).
    let allowedHighBytes: HighByteSet?
    /// Whether some bytes cannot occur (`asciiText` or `allowedHighBytes`).
    private var restricted: Bool { asciiText || allowedHighBytes != nil }
    /// In a restricted mode, classes this large still give one-byte literals: look-alike classes
    /// such as `[iIl|!1y?]` are that wide.
    static let asciiClassLimit = 10
    /// Read the pattern for the text's letters and digits alone (`AlphanumericProjection`): what
    /// a match leaves of itself once every other byte is deleted. A byte that is not a letter or
    /// a digit stands for the empty string, so `[_\W]{0,3}` between letters vanishes.
    let alphanumeric: Bool
    /// In `alphanumeric` mode, read the pattern as if texts held none of the `GateBytes`: a
    /// look-alike such as `!` for "i" or `@` for "a" then cannot match, and the letter stays
    /// required. The bytes that made a difference are collected in `gate`; a text holding one
    /// of them must run the regex.
    let gating: Bool
    private(set) var gate = GateBytes.Mask()
    /// Inside a lookaround nothing counts (its literals are dropped), so nothing is gated.
    private var assertionDepth = 0
    /// Groups read before, in this pattern or others of its batch.
    let memo: Memo?
    var deepest = 0

    /// Everything a group's reading depends on besides its text: the reading's mode and state.
    struct GroupContext: Hashable {
        let asciiText: Bool
        let alphanumeric: Bool
        let gating: Bool
        let allowedHighBytes: HighByteSet?
        let extended: Bool
        let inAssertion: Bool
    }

    typealias Memo = PatternGroupMemo<GroupContext, LiteralInfo>

    var groupContext: GroupContext {
        GroupContext(asciiText: asciiText, alphanumeric: alphanumeric, gating: gating, allowedHighBytes: allowedHighBytes,
                     extended: extended, inAssertion: assertionDepth > 0)
    }

    /// The `gate`.
    var sideRecords: UInt32 {
        get { UInt32(gate) }
        set { gate = GateBytes.Mask(newValue) }
    }

    init(pattern: [UInt8], extended: Bool, asciiText: Bool = false, alphanumeric: Bool = false, gating: Bool = false,
         allowedHighBytes: HighByteSet? = nil, memo: Memo? = nil) {
        self.pattern = pattern
        self.memo = memo
        self.extended = extended
        self.asciiText = asciiText
        self.allowedHighBytes = allowedHighBytes
        self.alphanumeric = alphanumeric
        self.gating = alphanumeric && gating
    }

    /// Records `bytes` (a mask of `GateBytes`) as ones the text must lack for the literals to hold.
    mutating func addGate(_ bytes: GateBytes.Mask) {
        if assertionDepth == 0 { gate |= bytes }
    }

    /// One byte of the text: never, for a byte above 0x7F when only ASCII text is considered;
    /// nothing, for a byte other than a letter or digit in `alphanumeric` mode.
    private mutating func byteLiteral(_ byte: UInt8) -> LiteralInfo {
        if excludes(byte) { return .never }
        if gating, let bit = GateBytes.bit(byte) {
            addGate(bit)
            return .never
        }
        if alphanumeric && !AlphanumericProjection.keeps(byte) { return .empty }
        return .byte(lowered(byte))
    }

    /// Whether the texts read for cannot hold `byte`.
    private func excludes(_ byte: UInt8) -> Bool {
        if let allowedHighBytes { return byte >= 0x80 && !allowedHighBytes.contains(byte) }
        return asciiText && !LiteralPrefilter.isPlain(byte)
    }

    /// What an escape matching only bytes other than letters and digits (`\s`, `\W`…) leaves.
    private var gapOnly: LiteralInfo { alphanumeric ? .empty : .opaque }

    mutating func parseAll() throws(UnsupportedPattern) -> LiteralInfo {
        let info = try parseAlternation()
        guard index == pattern.count else { throw UnsupportedPattern() }
        return info
    }

    // MARK: structure

    private mutating func parseAlternation() throws(UnsupportedPattern) -> LiteralInfo {
        var result = try parseSequence()
        while peek == UInt8(ascii: "|") {
            index += 1
            result = result.alternative(try parseSequence())
        }
        return result
    }

    private mutating func parseSequence() throws(UnsupportedPattern) -> LiteralInfo {
        var info = LiteralInfo.empty
        while true {
            if quoting {
                guard let byte = peek else { break }
                if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "E") {
                    index += 2
                    quoting = false
                    continue
                }
                // Quoted bytes are literal, quantifier characters included.
                index += 1
                info = info.followed(by: byteLiteral(byte))
                continue
            }
            try skipExtendedSpace()
            guard let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") else { break }
            guard let atom = try parseAtom() else { continue }
            try skipExtendedSpace()
            info = info.followed(by: try parseQuantifiers(atom))
        }
        return info
    }

    private mutating func parseQuantifiers(_ atom: LiteralInfo) throws(UnsupportedPattern) -> LiteralInfo {
        guard let byte = peek else { return atom }
        let bounds: (Int, Int?)
        switch byte {
        case UInt8(ascii: "*"): bounds = (0, nil); index += 1
        case UInt8(ascii: "+"): bounds = (1, nil); index += 1
        case UInt8(ascii: "?"): bounds = (0, 1); index += 1
        case UInt8(ascii: "{"): bounds = try parseBraces()
        default: return atom
        }
        if let next = peek, next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { index += 1 }
        if let next = peek, [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(next) {
            throw UnsupportedPattern()
        }
        return atom.repeated(minimum: bounds.0, maximum: bounds.1)
    }

    /// `{n}`, `{n,}` or `{n,m}` exactly; any other brace is read differently by different PCRE2
    /// and Perl versions, so it is not guessed at.
    private mutating func parseBraces() throws(UnsupportedPattern) -> (Int, Int?) {
        var cursor = index + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while cursor < pattern.count, pattern[cursor] >= 0x30, pattern[cursor] <= 0x39, digits < 6 {
                value = value * 10 + Int(pattern[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        guard let minimum = number() else { throw UnsupportedPattern() }
        var maximum: Int? = minimum
        if cursor < pattern.count, pattern[cursor] == UInt8(ascii: ",") {
            cursor += 1
            maximum = number()
        }
        guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "}") else { throw UnsupportedPattern() }
        index = cursor + 1
        return (minimum, maximum)
    }

    private mutating func skipExtendedSpace() throws(UnsupportedPattern) {
        guard extended else { return }
        while let byte = peek {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while let next = peek, next != 0x0A {
                    if next == 0x0D { throw UnsupportedPattern() }
                    index += 1
                }
            } else {
                return
            }
        }
    }

    /// One atom, or nil for syntax that matches nothing of its own (inline flags, comments, `\E`).
    private mutating func parseAtom() throws(UnsupportedPattern) -> LiteralInfo? {
        guard let byte = peek else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "("): return try parseGroupOrRecall()
        case UInt8(ascii: "["): return alphanumeric ? try parseClassProjected() : try parseClass()
        case UInt8(ascii: "."): return .opaque
        case UInt8(ascii: "^"), UInt8(ascii: "$"): return .empty
        case UInt8(ascii: "\\"): return try parseEscape()
        case UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw UnsupportedPattern()
        case 0x85 where extended, 0xA0 where extended:
            return .opaque  // may or may not count as pattern white space
        default:
            return byteLiteral(byte)
        }
    }

    // MARK: groups

    mutating func parseGroup() throws(UnsupportedPattern) -> LiteralInfo? {
        var assertion = false
        if peek == UInt8(ascii: "*") { throw UnsupportedPattern() }  // (*VERB) and (*pla:…)
        if peek == UInt8(ascii: "?") {
            index += 1
            guard let kind = peek else { throw UnsupportedPattern() }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                index += 1
            case UInt8(ascii: "="), UInt8(ascii: "!"):
                index += 1
                assertion = true
            case UInt8(ascii: "<"):
                if peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!") {
                    index += 2
                    assertion = true
                } else {
                    index += 1
                    try skipName(until: UInt8(ascii: ">"))
                }
            case UInt8(ascii: "'"):
                index += 1
                try skipName(until: UInt8(ascii: "'"))
            case UInt8(ascii: "P"):
                guard peek(1) == UInt8(ascii: "<") else { throw UnsupportedPattern() }
                index += 2
                try skipName(until: UInt8(ascii: ">"))
            case UInt8(ascii: "#"):
                while let next = peek, next != UInt8(ascii: ")") { index += 1 }
                guard peek != nil else { throw UnsupportedPattern() }
                index += 1
                return nil
            default:
                return try parseFlagGroup()
            }
        }
        if assertion { assertionDepth += 1 }
        let inner = try parseGroupBody()
        if assertion { assertionDepth -= 1 }
        return assertion ? .empty : inner
    }

    /// `(?flags)` changes the flags for the rest of the enclosing group; `(?flags:…)` for its body.
    private mutating func parseFlagGroup() throws(UnsupportedPattern) -> LiteralInfo? {
        var newExtended = extended
        var negate = false
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: ")"):
                extended = newExtended
                return nil
            case UInt8(ascii: ":"):
                let saved = extended
                extended = newExtended
                defer { extended = saved }
                return try parseGroupBody()
            case UInt8(ascii: "-"): negate = true
            case UInt8(ascii: "^"): newExtended = false
            case UInt8(ascii: "x"):
                if peek == UInt8(ascii: "x") { throw UnsupportedPattern() }
                newExtended = !negate
            case UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "n"),
                 UInt8(ascii: "U"), UInt8(ascii: "J"):
                continue
            default:
                throw UnsupportedPattern()
            }
        }
        throw UnsupportedPattern()
    }

    private mutating func parseGroupBody() throws(UnsupportedPattern) -> LiteralInfo {
        depth += 1
        guard depth <= PatternLiteralParser.maxDepth else { throw UnsupportedPattern() }
        deepest = max(deepest, depth)
        let saved = extended
        let inner = try parseAlternation()
        extended = saved
        depth -= 1
        guard peek == UInt8(ascii: ")"), !quoting else { throw UnsupportedPattern() }
        index += 1
        return inner
    }

    private mutating func skipName(until terminator: UInt8) throws(UnsupportedPattern) {
        while let byte = peek, byte != terminator {
            guard isWordByte(byte) else { throw UnsupportedPattern() }
            index += 1
        }
        guard peek == terminator else { throw UnsupportedPattern() }
        index += 1
    }

    // MARK: escapes

    private mutating func parseEscape() throws(UnsupportedPattern) -> LiteralInfo? {
        guard let byte = peek else { throw UnsupportedPattern() }
        index += 1
        if let literal = try simpleEscapeByte(byte) { return byteLiteral(literal) }
        switch byte {
        case UInt8(ascii: "Q"):
            quoting = true
            return nil
        case UInt8(ascii: "E"):
            return nil
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "z"),
             UInt8(ascii: "G"), UInt8(ascii: "K"):
            return .empty
        case UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "v"), UInt8(ascii: "R"):
            return gapOnly
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "S"), UInt8(ascii: "H"),
             UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "C"):
            return .opaque
        case UInt8(ascii: "N"):
            if peek == UInt8(ascii: "{") { throw UnsupportedPattern() }
            return .opaque
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            try skipPropertyName()
            return .opaque
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            // A back reference (or, past the group count, octal): either way not a known literal.
            while let next = peek, next >= 0x30, next <= 0x39 { index += 1 }
            return .opaque
        case UInt8(ascii: "g"), UInt8(ascii: "k"):
            try skipReference()
            return .opaque
        default:
            // Other escaped letters and digits have meanings this reader does not know.
            guard !isWordByte(byte) else { throw UnsupportedPattern() }
            return byteLiteral(byte)
        }
    }

    private mutating func skipReference() throws(UnsupportedPattern) {
        guard let open = peek else { throw UnsupportedPattern() }
        let close: UInt8
        switch open {
        case UInt8(ascii: "{"): close = UInt8(ascii: "}")
        case UInt8(ascii: "<"): close = UInt8(ascii: ">")
        case UInt8(ascii: "'"): close = UInt8(ascii: "'")
        default:
            if open == UInt8(ascii: "-") || open == UInt8(ascii: "+") { index += 1 }
            guard let first = peek, first >= 0x30, first <= 0x39 else { throw UnsupportedPattern() }
            while let next = peek, next >= 0x30, next <= 0x39 { index += 1 }
            return
        }
        index += 1
        while let next = peek, next != close {
            guard isWordByte(next) || next == UInt8(ascii: "-") || next == UInt8(ascii: "+") else { throw UnsupportedPattern() }
            index += 1
        }
        guard peek == close else { throw UnsupportedPattern() }
        index += 1
    }

    // MARK: classes

    /// `[…]`: a handful of bytes (after case folding) become one-byte literals; larger or negated
    /// classes are opaque.
    private mutating func parseClass() throws(UnsupportedPattern) -> LiteralInfo {
        var members = Set<UInt8>()
        var tooWide = false
        var negated = false
        if peek == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var first = true
        var previous: UInt8?
        while true {
            guard let byte = peek else { throw UnsupportedPattern() }
            if byte == UInt8(ascii: "]"), !first { index += 1; break }
            first = false
            index += 1
            var single: UInt8?
            if byte == UInt8(ascii: "[") {
                if peek == UInt8(ascii: ":") {
                    try skipPosixClass()
                    tooWide = true
                    previous = nil
                    continue
                }
                if peek == UInt8(ascii: "=") || peek == UInt8(ascii: ".") { throw UnsupportedPattern() }
                single = byte
            } else if byte == UInt8(ascii: "\\") {
                guard let escaped = peek else { throw UnsupportedPattern() }
                index += 1
                if escaped == UInt8(ascii: "b") {
                    single = 0x08
                } else if let value = try simpleEscapeByte(escaped) {
                    single = value
                } else if isWordByte(escaped) {
                    switch escaped {
                    case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"),
                         UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "h"), UInt8(ascii: "H"),
                         UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "N"), UInt8(ascii: "R"),
                         UInt8(ascii: "X"):
                        tooWide = true
                        previous = nil
                        continue
                    case UInt8(ascii: "p"), UInt8(ascii: "P"):
                        try skipPropertyName()
                        tooWide = true
                        previous = nil
                        continue
                    default:
                        throw UnsupportedPattern()
                    }
                } else {
                    single = escaped
                }
            } else if byte == UInt8(ascii: "-"), let low = previous, let next = peek, next != UInt8(ascii: "]") {
                // A range: the upper end may itself be an escape.
                var high = try rangeUpperEnd()
                guard high >= low else { throw UnsupportedPattern() }
                if allowedHighBytes != nil {
                    let kept = (low...high).filter { !excludes($0) }
                    if kept.count > 16 { tooWide = true } else { for member in kept { members.insert(lowered(member)) } }
                    previous = nil
                    continue
                }
                if asciiText, low >= 0x80 {
                    previous = nil
                    continue
                }
                if asciiText, high >= 0x80 { high = 0x7F }
                if Int(high) - Int(low) > 16 {
                    tooWide = true
                } else {
                    for member in low...high { members.insert(lowered(member)) }
                }
                previous = nil
                continue
            } else {
                single = byte
            }
            if let single {
                if !excludes(single) { members.insert(lowered(single)) }
                previous = single
            }
        }
        if restricted, !negated, !tooWide, members.isEmpty { return .never }
        if negated || tooWide || members.isEmpty || members.count > (restricted ? PatternLiteralParser.asciiClassLimit : 4) { return .opaque }
        return .literals(LiteralSet(members.map(Literal.init(byte:))))
    }

    private mutating func skipPosixClass() throws(UnsupportedPattern) {
        // At ":" after "[": read to ":]".
        index += 1
        while let byte = peek, byte != UInt8(ascii: ":") {
            guard isWordByte(byte) || byte == UInt8(ascii: "^") else { throw UnsupportedPattern() }
            index += 1
        }
        guard peek == UInt8(ascii: ":"), peek(1) == UInt8(ascii: "]") else { throw UnsupportedPattern() }
        index += 2
    }

    // MARK: bytes

    func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

}
