/// What a `LiteralPrefilter` found in the lines of one view: per line, the regexes that may match
/// in it (one bit vector per line, all in one buffer), their union, and each line's `TextKind`.
public struct LineCandidates: Sendable {
    private let words: [UInt64]
    private let wordsPerLine: Int
    public let anyLine: TargetSet
    public let textKinds: [TextKind]

    init(words: [UInt64], wordsPerLine: Int, anyLine: TargetSet, textKinds: [TextKind]) {
        self.words = words
        self.wordsPerLine = wordsPerLine
        self.anyLine = anyLine
        self.textKinds = textKinds
    }

    public var lineCount: Int { textKinds.count }

    /// Whether regex `target` may match in line `line`.
    public func contains(_ target: Int, line: Int) -> Bool {
        guard target >= 0, target < anyLine.capacity, line >= 0, line < textKinds.count else { return false }
        return words[line &* wordsPerLine &+ target &>> 6] &>> UInt64(target & 63) & 1 != 0
    }

    /// The candidates of each line as sets.
    public var lines: [TargetSet] {
        (0..<lineCount).map { line in
            TargetSet(words: Array(words[line * wordsPerLine..<(line + 1) * wordsPerLine]), capacity: anyLine.capacity)
        }
    }
}
