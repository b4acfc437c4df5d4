/// Reads a regex for the `LineGate` every text it matches passes: its minimum match length,
/// byte classes one of whose bytes each match holds (from atoms every match goes through, such
/// as `\$` or `[0-9]`), and runs such as `[A-Z]{16,}`. Conservative like `RequiredLiterals`:
/// a pattern it cannot read gets no gate.
public enum LineGateExtractor {
    /// Classes and runs kept per regex, the rarest first: each costs a check per line.
    static let maxClasses = 4
    static let maxRuns = 2
    /// Classes and runs nearly every line holds are not worth checking (a class costs one test
    /// of the line's byte set; a run may cost a pass over the line).
    static let uselessPresence = 0.995
    static let uselessRun = 0.97

    /// The gate, or nil when the pattern could not be read or the gate would let every line by.
    public static func gate(for pattern: [UInt8], options: RegexOptions = []) -> LineGate? {
        gate(for: pattern, options: options, memo: nil)
    }

    /// `memo`: groups read before in the same batch of patterns.
    static func gate(for pattern: [UInt8], options: RegexOptions = [], memo: PatternGateParser.Memo?) -> LineGate? {
        guard let info = knowledge(of: pattern, options: options, memo: memo) else { return nil }
        let classes = info.classes.filter { ByteRarity.presence(of: $0) < uselessPresence }.prefix(maxClasses)
        let gate = LineGate(minLength: info.minLength, classes: Array(classes), runs: Array(info.runs.filter { ByteRarity.score(of: $0) < uselessRun }.prefix(maxRuns)))
        return gate.isTrivial ? nil : gate
    }

    /// Everything the parser found, before the rarest conditions are picked.
    static func knowledge(of pattern: [UInt8], options: RegexOptions, memo: PatternGateParser.Memo? = nil) -> GateKnowledge? {
        var parser = PatternGateParser(pattern: pattern, options: options, memo: memo)
        return try? parser.parseAll()
    }

    public static func gate(for pattern: String, options: RegexOptions = []) -> LineGate? {
        gate(for: Array(pattern.utf8), options: options)
    }
}
