/// Finds literal strings a regex cannot match without: a set of lowercased byte strings, each at
/// least `LiteralInfo.minLiteralLength` long, one of which occurs (ignoring ASCII case) in every
/// text the regex matches. Conservative: any construct it does not fully understand makes it
/// know less, and a pattern it cannot read at all gets no literals, meaning "always run".
public enum RequiredLiterals {
    /// The literals, sorted, or nil when the regex must always run.
    /// `asciiText`: literals that hold only for texts with no byte above 0x7F and no `&`
    /// (alternatives that need one dropped: 8-bit look-alikes and `&#NNN;` entities). SpamAssassin's "fuzzy" rules spell each letter as dozens of
    /// look-alikes, most of them 8-bit; on ASCII text only the plain letters are left.
    /// `alphanumeric`: literals of the match's letters and digits alone, to look for in the
    /// text's `AlphanumericProjection` (only letters and digits in them).
    public static func extract(from pattern: [UInt8], options: RegexOptions = [], asciiText: Bool = false,
                               alphanumeric: Bool = false) -> [[UInt8]]? {
        extract(from: pattern, options: options, asciiText: asciiText, alphanumeric: alphanumeric, memo: nil)
    }

    /// `memo`: groups read before in the same batch of patterns.
    static func extract(from pattern: [UInt8], options: RegexOptions = [], asciiText: Bool = false, alphanumeric: Bool = false,
                        memo: PatternLiteralParser.Memo?) -> [[UInt8]]? {
        var parser = PatternLiteralParser(pattern: pattern, extended: options.contains(.extended), asciiText: asciiText,
                                          alphanumeric: alphanumeric, memo: memo)
        guard let info = try? parser.parseAll(), let best = info.best else { return nil }
        return best.sortedBytes
    }

    /// Literals for texts whose bytes above 0x7F all belong to `highBytes` (an `&` allowed):
    /// alternatives needing another 8-bit byte drop out.
    static func extract(from pattern: [UInt8], options: RegexOptions = [], highBytes: HighByteSet,
                        memo: PatternLiteralParser.Memo? = nil) -> [[UInt8]]? {
        var parser = PatternLiteralParser(pattern: pattern, extended: options.contains(.extended), allowedHighBytes: highBytes, memo: memo)
        guard let info = try? parser.parseAll(), let best = info.best else { return nil }
        return best.sortedBytes
    }

    /// `extract(alphanumeric: true)` for texts lacking the `GateBytes` listed in `gate`: the
    /// literals hold only for a text holding none of them.
    public static func extractGated(from pattern: [UInt8], options: RegexOptions = [], asciiText: Bool = false)
        -> (literals: [[UInt8]], gate: [UInt8])? {
        extractGated(from: pattern, options: options, asciiText: asciiText, memo: nil)
    }

    static func extractGated(from pattern: [UInt8], options: RegexOptions = [], asciiText: Bool = false, memo: PatternLiteralParser.Memo?)
        -> (literals: [[UInt8]], gate: [UInt8])? {
        var parser = PatternLiteralParser(pattern: pattern, extended: options.contains(.extended), asciiText: asciiText,
                                          alphanumeric: true, gating: true, memo: memo)
        guard let info = try? parser.parseAll(), let best = info.best else { return nil }
        let gate = GateBytes.bytes.indices.filter { parser.gate & (1 << GateBytes.Mask($0)) != 0 }.map { GateBytes.bytes[$0] }
        return (best.sortedBytes, gate)
    }

    /// Literals every match holds `count` (at least 2) non-overlapping occurrences of, ignoring
    /// ASCII case, as in `(?:…(?:name|city)…){5}`; nil when the pattern demands no such repetition.
    public static func repeated(in pattern: [UInt8], options: RegexOptions = []) -> (literals: [[UInt8]], count: Int)? {
        var parser = PatternLiteralParser(pattern: pattern, extended: options.contains(.extended))
        guard let info = try? parser.parseAll(), let repeated = info.repeated else { return nil }
        return (repeated.literals.sortedBytes, repeated.count)
    }

    /// `extract(from:options:)` and `repeated(in:options:)` from one reading of the pattern:
    /// each of them alone reads it in full, and the prefilters ask for both.
    public static func extractWithRepeated(from pattern: [UInt8], options: RegexOptions = [])
        -> (literals: [[UInt8]]?, repeated: (literals: [[UInt8]], count: Int)?) {
        extractWithRepeated(from: pattern, options: options, memo: nil)
    }

    static func extractWithRepeated(from pattern: [UInt8], options: RegexOptions = [], memo: PatternLiteralParser.Memo?)
        -> (literals: [[UInt8]]?, repeated: (literals: [[UInt8]], count: Int)?) {
        var parser = PatternLiteralParser(pattern: pattern, extended: options.contains(.extended), memo: memo)
        guard let info = try? parser.parseAll() else { return (nil, nil) }
        return (info.best?.sortedBytes, info.repeated.map { ($0.literals.sortedBytes, $0.count) })
    }

    public static func extract(from pattern: String, options: RegexOptions = []) -> [[UInt8]]? {
        extract(from: Array(pattern.utf8), options: options)
    }
}
