/// A recursive-descent reader of PCRE2 pattern syntax (8-bit, no UTF, default tables) that
/// computes `GateKnowledge`. Syntax it does not fully understand makes it throw, and the pattern
/// gets no gate.
struct PatternGateParser: PatternCursor, GroupRecalling {
    let pattern: [UInt8]
    var index = 0
    var extended: Bool
    var caseless: Bool
    private var quoting = false
    /// Whether `/x` was ever switched on inside the pattern (`(?x)`).
    private(set) var sawExtended = false
    /// Whether the pattern ever quoted (`\Q`).
    private(set) var sawQuoting = false
    private(set) var depth = 0
    static let maxDepth = 100
    /// Groups read before, in this pattern or others of its batch.
    let memo: Memo?
    var deepest = 0

    /// Everything a group's reading depends on besides its text: the reading's mode and state.
    struct GroupContext: Hashable {
        let extended: Bool
        let caseless: Bool
        let tracksPrefixes: Bool
    }

    typealias Memo = PatternGroupMemo<GroupContext, GateKnowledge>

    var groupContext: GroupContext { GroupContext(extended: extended, caseless: caseless, tracksPrefixes: tracksPrefixes) }

    /// `sawExtended` (bit 0) and `sawQuoting` (bit 1).
    var sideRecords: UInt32 {
        get { (sawExtended ? 1 : 0) | (sawQuoting ? 2 : 0) }
        set { (sawExtended, sawQuoting) = (newValue & 1 != 0, newValue & 2 != 0) }
    }

    /// Whether atoms carry `StartPrefixes` (only `StartGuard` asks: they cost time). Then the
    /// prefixes are all it reads, so byte atoms skip the classes and runs that would only be
    /// thrown away (they never feed into the prefixes).
    let tracksPrefixes: Bool

    init(pattern: [UInt8], options: RegexOptions, tracksPrefixes: Bool = false, memo: Memo? = nil) {
        self.pattern = pattern
        self.memo = memo
        self.tracksPrefixes = tracksPrefixes
        extended = options.contains(.extended)
        caseless = options.contains(.caseless)
    }

    mutating func parseAll() throws(UnsupportedPattern) -> GateKnowledge {
        var info = try parseAlternation()
        guard index == pattern.count else { throw UnsupportedPattern() }
        info.addRun(of: info)
        return info
    }

    /// One byte of the text, both cases of it when matching ignores case.
    func byteAtom(_ set: ByteSet) -> GateKnowledge {
        let bytes = caseless ? set.caseClosed : set
        if tracksPrefixes { return GateKnowledge(minLength: 1, alphabet: nil, classes: [], runs: [], prefixes: .byte(of: bytes)) }
        return GateKnowledge.byte(of: bytes)
    }

    // MARK: structure

    private mutating func parseAlternation() throws(UnsupportedPattern) -> GateKnowledge {
        var result = try parseSequence()
        while peek == UInt8(ascii: "|") {
            index += 1
            result = result.alternative(try parseSequence())
        }
        return result
    }

    /// A sequence: besides each piece's own requirements, every stretch of consecutive pieces of
    /// known alphabets is a run of their joint alphabet.
    private mutating func parseSequence() throws(UnsupportedPattern) -> GateKnowledge {
        var info = GateKnowledge.empty
        var stretch = GateKnowledge.empty
        func append(_ piece: GateKnowledge) {
            if piece.alphabet == nil {
                info.addRun(of: stretch)
                stretch = .empty
            } else {
                stretch = GateKnowledge(minLength: min(stretch.minLength + piece.minLength, GateKnowledge.lengthCap),
                                        alphabet: stretch.alphabet?.union(piece.alphabet ?? ByteSet()), classes: [], runs: [])
            }
            info = info.followed(by: piece)
        }
        while true {
            if quoting {
                guard let byte = peek else { break }
                if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "E") {
                    index += 2
                    quoting = false
                    continue
                }
                index += 1
                append(byteAtom(ByteSet([byte])))
                continue
            }
            try skipExtendedSpace()
            guard let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") else { break }
            guard let atom = try parseAtom() else { continue }
            try skipExtendedSpace()
            append(try parseQuantifiers(atom))
        }
        info.addRun(of: stretch)
        return info
    }

    private mutating func parseQuantifiers(_ atom: GateKnowledge) throws(UnsupportedPattern) -> GateKnowledge {
        guard let byte = peek else { return atom }
        let minimum: Int
        switch byte {
        case UInt8(ascii: "*"): minimum = 0; index += 1
        case UInt8(ascii: "+"): minimum = 1; index += 1
        case UInt8(ascii: "?"): minimum = 0; index += 1
        case UInt8(ascii: "{"): minimum = try parseBraces()
        default: return atom
        }
        if let next = peek, next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { index += 1 }
        if let next = peek, [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(next) {
            throw UnsupportedPattern()
        }
        return atom.repeated(minimum: minimum)
    }

    /// `{n}`, `{n,}` or `{n,m}` exactly (the minimum); other braces are read differently by
    /// different PCRE2 versions, so they are not guessed at.
    private mutating func parseBraces() throws(UnsupportedPattern) -> Int {
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
        if cursor < pattern.count, pattern[cursor] == UInt8(ascii: ",") {
            cursor += 1
            if let maximum = number(), maximum < minimum { throw UnsupportedPattern() }
        }
        guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "}") else { throw UnsupportedPattern() }
        index = cursor + 1
        return minimum
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
    private mutating func parseAtom() throws(UnsupportedPattern) -> GateKnowledge? {
        guard let byte = peek else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "("): return try parseGroupOrRecall()
        case UInt8(ascii: "["): return byteAtom(try parseClass())
        case UInt8(ascii: "."): return byteAtom(.all)
        case UInt8(ascii: "^"), UInt8(ascii: "$"): return .empty
        case UInt8(ascii: "\\"): return try parseEscape()
        case UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw UnsupportedPattern()
        case 0x85 where extended, 0xA0 where extended:
            // May or may not count as pattern white space: either nothing or that byte.
            return GateKnowledge(minLength: 0, alphabet: ByteSet([byte]), classes: [], runs: [])
        default:
            return byteAtom(ByteSet([byte]))
        }
    }

    // MARK: groups

    mutating func parseGroup() throws(UnsupportedPattern) -> GateKnowledge? {
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
        let inner = try parseGroupBody()
        // A lookaround consumes nothing: the match's own bytes are those around it.
        return assertion ? .empty : inner
    }

    /// `(?flags)` changes the flags for the rest of the enclosing group; `(?flags:…)` for its body.
    private mutating func parseFlagGroup() throws(UnsupportedPattern) -> GateKnowledge? {
        var newExtended = extended, newCaseless = caseless
        var negate = false
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: ")"):
                extended = newExtended
                caseless = newCaseless
                return nil
            case UInt8(ascii: ":"):
                let saved = (extended, caseless)
                extended = newExtended
                caseless = newCaseless
                defer { (extended, caseless) = saved }
                return try parseGroupBody()
            case UInt8(ascii: "-"): negate = true
            case UInt8(ascii: "^"):
                newExtended = false
                newCaseless = false
            case UInt8(ascii: "x"):
                if peek == UInt8(ascii: "x") { throw UnsupportedPattern() }
                newExtended = !negate
                sawExtended = sawExtended || newExtended
            case UInt8(ascii: "i"): newCaseless = !negate
            case UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "U"), UInt8(ascii: "J"):
                continue
            default:
                throw UnsupportedPattern()
            }
        }
        throw UnsupportedPattern()
    }

    private mutating func parseGroupBody() throws(UnsupportedPattern) -> GateKnowledge {
        depth += 1
        guard depth <= PatternGateParser.maxDepth else { throw UnsupportedPattern() }
        deepest = max(deepest, depth)
        let saved = (extended, caseless)
        let inner = try parseAlternation()
        (extended, caseless) = saved
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

    private mutating func parseEscape() throws(UnsupportedPattern) -> GateKnowledge? {
        guard let byte = peek else { throw UnsupportedPattern() }
        index += 1
        if let literal = try simpleEscapeByte(byte) { return byteAtom(ByteSet([literal])) }
        if let type = EscapeClass(byte) { return byteAtom(type.superset) }
        switch byte {
        case UInt8(ascii: "Q"):
            quoting = true
            sawQuoting = true
            return nil
        case UInt8(ascii: "E"):
            return nil
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "z"),
             UInt8(ascii: "G"), UInt8(ascii: "K"):
            return .empty
        case UInt8(ascii: "R"):
            // A line break: CR LF or one vertical space byte.
            var lineBreak = GateKnowledge.byte(of: EscapeClass.verticalSpace.superset)
            if tracksPrefixes { lineBreak.prefixes = .byte(of: EscapeClass.verticalSpace.superset, thenAnything: true) }
            return lineBreak
        case UInt8(ascii: "X"):
            return GateKnowledge(minLength: 1, alphabet: nil, classes: [], runs: [])
        case UInt8(ascii: "C"):
            return byteAtom(.all)
        case UInt8(ascii: "N"):
            if peek == UInt8(ascii: "{") { throw UnsupportedPattern() }
            return byteAtom(.all)
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            try skipPropertyName()
            return byteAtom(.all)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            // A back reference (or, past the group count, octal): either way anything.
            while let next = peek, next >= 0x30, next <= 0x39 { index += 1 }
            return .opaque
        case UInt8(ascii: "g"), UInt8(ascii: "k"):
            try skipReference()
            return .opaque
        default:
            guard !isWordByte(byte) else { throw UnsupportedPattern() }
            return byteAtom(ByteSet([byte]))
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

}
