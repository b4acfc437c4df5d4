extension PatternLiteralParser {
    /// `[…]` read for `AlphanumericProjection`: the letters and digits the class can match
    /// (lowercased) become one-byte literals, and the empty string stands for every other byte it
    /// can match. Over-estimating what a class matches only loses knowledge, so escapes and
    /// POSIX classes are taken at their widest in a plain class and at their narrowest in a
    /// negated one.
    mutating func parseClassProjected() throws(UnsupportedPattern) -> LiteralInfo {
        // Letters and digits listed (plain class: at least these match; negated: none of these).
        var listed = [Bool](repeating: false, count: 128)
        var other = false
        var gated = GateBytes.Mask()
        var negated = false
        if peek == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        func add(_ byte: UInt8) {
            if AlphanumericProjection.keeps(byte) {
                listed[Int(byte)] = true
            } else if gating, let bit = GateBytes.bit(byte) {
                gated |= bit
            } else if !asciiText || LiteralPrefilter.isPlain(byte) {
                other = true
            }
        }
        func addAll(_ test: (UInt8) -> Bool) {
            for byte in PatternLiteralParser.alphanumerics where test(byte) { listed[Int(byte)] = true }
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
                    let (name, inverted) = try readPosixClass()
                    other = true
                    let members = PatternLiteralParser.posixAlphanumerics(name)
                    // Unknown names: anything in a plain class, nothing in a negated one.
                    if let members {
                        addAll { members($0) != inverted }
                    } else if !negated {
                        addAll { _ in true }
                    }
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
                    case UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "v"), UInt8(ascii: "W"):
                        other = true
                    case UInt8(ascii: "d"):
                        addAll { $0 <= 0x39 }
                    case UInt8(ascii: "D"):
                        other = true
                        addAll { $0 > 0x39 }
                    case UInt8(ascii: "w"), UInt8(ascii: "S"), UInt8(ascii: "H"), UInt8(ascii: "V"), UInt8(ascii: "N"):
                        other = true
                        addAll { _ in true }
                    case UInt8(ascii: "p"), UInt8(ascii: "P"):
                        try skipPropertyName()
                        other = true
                        if !negated { addAll { _ in true } }
                    default:
                        throw UnsupportedPattern()
                    }
                    previous = nil
                    continue
                } else {
                    single = escaped
                }
            } else if byte == UInt8(ascii: "-"), let low = previous, let next = peek, next != UInt8(ascii: "]") {
                let high = try rangeUpperEnd()
                guard high >= low else { throw UnsupportedPattern() }
                for member in low...high { add(member) }
                previous = nil
                continue
            } else {
                single = byte
            }
            if let single {
                add(single)
                previous = single
            }
        }
        var kept = Set<UInt8>()
        for byte in PatternLiteralParser.alphanumerics where listed[Int(byte)] != negated { kept.insert(lowered(byte)) }
        if negated { other = true }
        // Gating a look-alike keeps its letter required; in a class without letters or when
        // negated it would only cost, so there the byte stands for nothing as usual.
        if gated != 0 {
            if !negated && !kept.isEmpty { addGate(gated) } else { other = true }
        }
        if kept.isEmpty { return other ? .empty : .never }
        guard kept.count <= PatternLiteralParser.asciiClassLimit else { return .opaque }
        var literals = kept.map(Literal.init(byte:))
        if other { literals.append(Literal()) }
        return .literals(LiteralSet(literals))
    }

    /// `[:name:]` or `[:^name:]`, at the ":" after "[".
    private mutating func readPosixClass() throws(UnsupportedPattern) -> (name: [UInt8], inverted: Bool) {
        index += 1
        var inverted = false
        if peek == UInt8(ascii: "^") {
            inverted = true
            index += 1
        }
        var name: [UInt8] = []
        while let byte = peek, byte != UInt8(ascii: ":") {
            guard isWordByte(byte) else { throw UnsupportedPattern() }
            name.append(byte)
            index += 1
        }
        guard peek == UInt8(ascii: ":"), peek(1) == UInt8(ascii: "]") else { throw UnsupportedPattern() }
        index += 2
        return (name, inverted)
    }

    static let alphanumerics: [UInt8] = Array(0x30...0x39) + Array(0x41...0x5A) + Array(0x61...0x7A)

    /// Which letters and digits a POSIX class holds (C locale), nil for a name not known here.
    static func posixAlphanumerics(_ name: [UInt8]) -> ((UInt8) -> Bool)? {
        let isDigit: (UInt8) -> Bool = { $0 <= 0x39 }
        switch String(decoding: name, as: UTF8.self) {
        case "alpha": return { !isDigit($0) }
        case "digit": return isDigit
        case "alnum", "word", "graph", "print", "ascii": return { _ in true }
        case "upper": return { $0 >= 0x41 && $0 <= 0x5A }
        case "lower": return { $0 >= 0x61 }
        case "xdigit": return { isDigit($0) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }
        case "space", "blank", "cntrl", "punct": return { _ in false }
        default: return nil
        }
    }
}
