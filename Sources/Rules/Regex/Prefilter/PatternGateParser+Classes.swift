extension PatternGateParser {
    /// `[…]` (after the `[`): every byte the class can match, both cases when caseless is on
    /// (left to `byteAtom`). Members are gathered as a subset and a superset of the truth (see
    /// `EscapeClass`) so that a negated class, the complement of the subset, stays a superset.
    mutating func parseClass() throws(UnsupportedPattern) -> ByteSet {
        var subset = ByteSet(), superset = ByteSet()
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
                    let (low, high) = try parsePosixClass()
                    subset = subset.union(low)
                    superset = superset.union(high)
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
                } else if let type = EscapeClass(escaped) {
                    subset = subset.union(type.subset)
                    superset = superset.union(type.superset)
                    previous = nil
                    continue
                } else if escaped == UInt8(ascii: "Q") || escaped == UInt8(ascii: "E") || isWordByte(escaped) {
                    // \p{…}, \N, \R, \X and \Q…\E in a class: not worth reading.
                    throw UnsupportedPattern()
                } else {
                    single = escaped
                }
            } else if byte == UInt8(ascii: "-"), let low = previous, let next = peek, next != UInt8(ascii: "]") {
                index += 1
                var high = next
                if next == UInt8(ascii: "\\") {
                    guard let escaped = peek else { throw UnsupportedPattern() }
                    index += 1
                    guard let value = try simpleEscapeByte(escaped) ?? (isWordByte(escaped) ? nil : escaped) else {
                        throw UnsupportedPattern()
                    }
                    high = value
                } else if next == UInt8(ascii: "[") {
                    throw UnsupportedPattern()
                }
                guard high >= low else { throw UnsupportedPattern() }
                let range = ByteSet(range: low...high)
                subset = subset.union(range)
                superset = superset.union(range)
                previous = nil
                continue
            } else {
                single = byte
            }
            if let single {
                subset.insert(single)
                superset.insert(single)
                previous = single
            }
        }
        if caseless {
            subset = subset.caseClosed
            superset = superset.caseClosed
        }
        return negated ? subset.complement : superset
    }

    /// `[:name:]` or `[:^name:]` (at the `:` after `[`).
    private mutating func parsePosixClass() throws(UnsupportedPattern) -> (subset: ByteSet, superset: ByteSet) {
        index += 1
        var negated = false
        if peek == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var name: [UInt8] = []
        while let byte = peek, byte != UInt8(ascii: ":") {
            guard byte >= 0x61, byte <= 0x7A, name.count < 8 else { throw UnsupportedPattern() }
            name.append(byte)
            index += 1
        }
        guard peek == UInt8(ascii: ":"), peek(1) == UInt8(ascii: "]"), let bounds = EscapeClass.posix(name) else {
            throw UnsupportedPattern()
        }
        index += 2
        return negated ? (bounds.superset.complement, bounds.subset.complement) : bounds
    }

    /// Escapes that stand for one byte, in and out of classes: `\t`, `\x41`, `\0`, `\cA`…
    /// Returns nil for other escapes.
    mutating func simpleEscapeByte(_ byte: UInt8) throws(UnsupportedPattern) -> UInt8? {
        switch byte {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "e"): return 0x1B
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "0"):
            var value = 0, digits = 0
            while digits < 2, let next = peek, next >= 0x30, next <= 0x37 {
                value = value * 8 + Int(next - 0x30)
                index += 1
                digits += 1
            }
            return UInt8(value)
        case UInt8(ascii: "o"):
            guard peek == UInt8(ascii: "{") else { throw UnsupportedPattern() }
            index += 1
            return try braced(radix: 8)
        case UInt8(ascii: "x"):
            if peek == UInt8(ascii: "{") {
                index += 1
                return try braced(radix: 16)
            }
            var value = 0, digits = 0
            while digits < 2, let next = peek, let digit = hexValue(next) {
                value = value * 16 + digit
                index += 1
                digits += 1
            }
            return UInt8(value)
        case UInt8(ascii: "c"):
            guard let next = peek, next >= 0x20, next < 0x7F else { throw UnsupportedPattern() }
            index += 1
            let upper = next >= 0x61 && next <= 0x7A ? next - 0x20 : next
            return upper ^ 0x40
        default:
            return nil
        }
    }

    private mutating func braced(radix: Int) throws(UnsupportedPattern) -> UInt8 {
        var value = 0, digits = 0
        while let next = peek, next != UInt8(ascii: "}") {
            guard let digit = hexValue(next), digit < radix, digits < 8 else { throw UnsupportedPattern() }
            value = value * radix + digit
            index += 1
            digits += 1
        }
        guard peek == UInt8(ascii: "}"), digits > 0, value <= 0xFF else { throw UnsupportedPattern() }
        index += 1
        return UInt8(value)
    }

    mutating func skipPropertyName() throws(UnsupportedPattern) {
        if peek == UInt8(ascii: "{") {
            while let next = peek, next != UInt8(ascii: "}") { index += 1 }
            guard peek != nil else { throw UnsupportedPattern() }
            index += 1
        } else {
            guard peek != nil else { throw UnsupportedPattern() }
            index += 1
        }
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }
}
