/// Reads a regex for its `LiteralFormula`: the pattern's alternations become the formula's "or",
/// and a sequence requires, all at once, the `RequiredLiterals` of the whole sequence, of each
/// stretch of its items between gaps (escape classes, `.`, anchors, assertions, back references,
/// optional items), and the formula of each group that has one. Each stretch is a contiguous
/// part of the pattern whose matches are contiguous parts of the text, so its literals are
/// required on their own. Conservative: a pattern whose structure it does not fully know
/// (extended syntax, `\Q`, conditionals, recursion, verbs, inline `x`) gets no formula.
struct LiteralFormulaExtractor: PatternCursor {
    let pattern: [UInt8]
    var index = 0
    private let options: RegexOptions
    private let asciiText: Bool
    private let cache: LiteralFormulaCache
    private var depth = 0
    static let maxDepth = 40

    private struct Item {
        /// The atom with its quantifier.
        let range: Range<Int>
        let minimum: Int
        /// An item whose literals are not worth reading (or that matches no text of its own):
        /// it ends the stretch before it.
        let isGap: Bool
        /// For a group read as part of the structure: its branches.
        let branches: [Sequence]?
    }

    private struct Sequence {
        let range: Range<Int>
        let items: [Item]
    }

    private init(pattern: [UInt8], options: RegexOptions, asciiText: Bool, cache: LiteralFormulaCache) {
        self.pattern = pattern
        self.options = options
        self.asciiText = asciiText
        self.cache = cache
    }

    /// The formula, or nil when nothing beyond "always" is known. `asciiText`: read the pattern
    /// as `RequiredLiterals.extract(asciiText:)` does (the formula holds only for plain text).
    /// `cache`: what was read of pieces of patterns before, shared by the patterns of one batch
    /// (SpamAssassin's look-alike rules repeat the same letter groups hundreds of times).
    static func formula(for pattern: [UInt8], options: RegexOptions = [], asciiText: Bool = false,
                        cache: LiteralFormulaCache = LiteralFormulaCache()) -> LiteralFormula? {
        guard !options.contains(.extended), !containsQuote(pattern) else { return nil }
        var reader = LiteralFormulaExtractor(pattern: pattern, options: options, asciiText: asciiText, cache: cache)
        guard let branches = try? reader.parseAlternation(), reader.index == pattern.count else { return nil }
        let formula = reader.formula(of: branches)
        return formula.isAlways ? nil : formula
    }

    static func formula(for pattern: String, options: RegexOptions = [], asciiText: Bool = false) -> LiteralFormula? {
        formula(for: Array(pattern.utf8), options: options, asciiText: asciiText)
    }

    private static func containsQuote(_ pattern: [UInt8]) -> Bool {
        pattern.indices.dropLast().contains { pattern[$0] == UInt8(ascii: "\\") && pattern[$0 + 1] == UInt8(ascii: "Q") }
    }

    // MARK: formulas

    private func formula(of branches: [Sequence]) -> LiteralFormula {
        var result: LiteralFormula?
        for branch in branches {
            let next = formula(of: branch)
            result = result.map { $0.or(next) } ?? next
            if result?.isAlways == true { return .always }
        }
        return result ?? .always
    }

    private func formula(of sequence: Sequence) -> LiteralFormula {
        var result = required(sequence.range)
        var stretch: Range<Int>?
        func close() {
            if let range = stretch, range != sequence.range { result = result.and(required(range)) }
            stretch = nil
        }
        for item in sequence.items {
            if item.minimum == 0 || item.isGap {
                close()
                continue
            }
            if let branches = item.branches {
                let inner = groupFormula(branches)
                if !inner.isAlways {
                    close()
                    result = result.and(inner)
                    continue
                }
            }
            stretch = (stretch?.lowerBound ?? item.range.lowerBound)..<item.range.upperBound
        }
        close()
        return result
    }

    /// The formula of a group's branches, read once per distinct group text.
    private func groupFormula(_ branches: [Sequence]) -> LiteralFormula {
        guard let first = branches.first, let last = branches.last else { return .always }
        let key = ByteString(Array(pattern[first.range.lowerBound..<last.range.upperBound]))
        if let known = cache.groups[asciiText]?[key] { return known }
        let found = formula(of: branches)
        cache.groups[asciiText, default: [:]][key] = found
        return found
    }

    private func required(_ range: Range<Int>) -> LiteralFormula {
        guard !range.isEmpty else { return .always }
        let key = ByteString(Array(pattern[range]))
        if let known = cache.required[asciiText]?[key] { return known }
        let found = RequiredLiterals.extract(from: key.bytes, options: options, asciiText: asciiText, memo: cache.literalGroups).map(LiteralFormula.requiring) ?? .always
        cache.required[asciiText, default: [:]][key] = found
        return found
    }

    // MARK: structure

    private mutating func parseAlternation() throws(UnsupportedPattern) -> [Sequence] {
        var branches = [try parseSequence()]
        while peek == UInt8(ascii: "|") {
            index += 1
            branches.append(try parseSequence())
        }
        return branches
    }

    private mutating func parseSequence() throws(UnsupportedPattern) -> Sequence {
        let start = index
        var items: [Item] = []
        while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            if let item = try parseItem() { items.append(item) }
        }
        return Sequence(range: start..<index, items: items)
    }

    /// One atom with its quantifier, or nil for inline flags and comments.
    private mutating func parseItem() throws(UnsupportedPattern) -> Item? {
        let start = index
        guard let byte = peek else { throw UnsupportedPattern() }
        index += 1
        var isGap = false
        var branches: [Sequence]?
        switch byte {
        case UInt8(ascii: "("):
            guard let group = try parseGroup() else {
                if let next = peek, Self.quantifierStarts.contains(next) { throw UnsupportedPattern() }
                return nil
            }
            isGap = group.isAssertion
            branches = group.branches
        case UInt8(ascii: "["): try skipClass()
        case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"): isGap = true
        case UInt8(ascii: "\\"): isGap = try skipEscape()
        case UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "|"):
            throw UnsupportedPattern()
        default: break
        }
        let minimum = try parseQuantifier()
        return Item(range: start..<index, minimum: minimum, isGap: isGap, branches: branches)
    }

    private static let quantifierStarts: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")]

    /// After `(`: the group read to its `)`; its branches when it is a plain, atomic or capturing
    /// group (read as structure), nil branches for other groups read whole. Nil for inline flags
    /// and comments.
    private mutating func parseGroup() throws(UnsupportedPattern) -> (isAssertion: Bool, branches: [Sequence]?)? {
        guard peek != UInt8(ascii: "*") else { throw UnsupportedPattern() }
        var structural = true, assertion = false
        if peek == UInt8(ascii: "?") {
            index += 1
            guard let kind = peek else { throw UnsupportedPattern() }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: ">"):
                index += 1
            case UInt8(ascii: "|"):
                index += 1
                structural = false
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
                // Flags: `x` changes how the pattern reads, the others change no literal.
                while let flag = peek, flag != UInt8(ascii: ":") {
                    index += 1
                    if flag == UInt8(ascii: ")") { return nil }
                    guard Array("imsnUJ-^".utf8).contains(flag) else { throw UnsupportedPattern() }
                }
                guard peek == UInt8(ascii: ":") else { throw UnsupportedPattern() }
                index += 1
                structural = false
            }
        }
        depth += 1
        guard depth <= LiteralFormulaExtractor.maxDepth else { throw UnsupportedPattern() }
        let branches = try parseAlternation()
        depth -= 1
        guard peek == UInt8(ascii: ")") else { throw UnsupportedPattern() }
        index += 1
        return (assertion, structural && !assertion ? branches : nil)
    }

    private mutating func skipName(until terminator: UInt8) throws(UnsupportedPattern) {
        while let byte = peek, byte != terminator {
            guard isWordByte(byte) else { throw UnsupportedPattern() }
            index += 1
        }
        guard peek == terminator else { throw UnsupportedPattern() }
        index += 1
    }

    /// After `[`: to the byte after the class's `]`.
    private mutating func skipClass() throws(UnsupportedPattern) {
        if peek == UInt8(ascii: "^") { index += 1 }
        if peek == UInt8(ascii: "]") { index += 1 }
        while true {
            guard let byte = peek else { throw UnsupportedPattern() }
            index += 1
            switch byte {
            case UInt8(ascii: "]"):
                return
            case UInt8(ascii: "\\"):
                guard peek != nil else { throw UnsupportedPattern() }
                index += 1
            case UInt8(ascii: "["):
                if peek == UInt8(ascii: "=") || peek == UInt8(ascii: ".") { throw UnsupportedPattern() }
                guard peek == UInt8(ascii: ":") else { continue }
                index += 1
                while let next = peek, next != UInt8(ascii: ":") {
                    guard isWordByte(next) || next == UInt8(ascii: "^") else { throw UnsupportedPattern() }
                    index += 1
                }
                guard peek == UInt8(ascii: ":"), peek(1) == UInt8(ascii: "]") else { throw UnsupportedPattern() }
                index += 2
            default:
                continue
            }
        }
    }

    /// After `\`: past the escape; whether it is a gap (a class of many bytes, an assertion or a
    /// back reference) rather than one byte.
    private mutating func skipEscape() throws(UnsupportedPattern) -> Bool {
        guard let byte = peek else { throw UnsupportedPattern() }
        index += 1
        if try simpleEscapeByte(byte) != nil { return false }
        switch byte {
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while let next = peek, next >= 0x30, next <= 0x39 { index += 1 }
            return true
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            try skipPropertyName()
            return true
        case UInt8(ascii: "N"):
            if peek == UInt8(ascii: "{") { throw UnsupportedPattern() }
            return true
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "z"), UInt8(ascii: "G"),
             UInt8(ascii: "K"), UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"),
             UInt8(ascii: "S"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "R"),
             UInt8(ascii: "X"), UInt8(ascii: "C"):
            return true
        default:
            guard !isWordByte(byte) else { throw UnsupportedPattern() }
            return false
        }
    }

    /// The quantifier after an atom, if any: its minimum (1 without one).
    private mutating func parseQuantifier() throws(UnsupportedPattern) -> Int {
        guard let byte = peek else { return 1 }
        let minimum: Int
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "?"):
            index += 1
            minimum = 0
        case UInt8(ascii: "+"):
            index += 1
            minimum = 1
        case UInt8(ascii: "{"):
            minimum = try parseBraces()
        default:
            return 1
        }
        if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { index += 1 }
        if let next = peek, Self.quantifierStarts.contains(next) { throw UnsupportedPattern() }
        return minimum
    }

    /// `{n}`, `{n,}` or `{n,m}` exactly (other braces read differently across versions): n.
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
            _ = number()
        }
        guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "}") else { throw UnsupportedPattern() }
        index = cursor + 1
        return minimum
    }
}
