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
                let high = try rangeUpperEnd()
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
}
