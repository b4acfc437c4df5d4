/// What `LiteralFormulaExtractor` read of pieces of patterns, by the pieces' text and whether it
/// read for plain text only: the required literals of stretches and the formulas of groups, and
/// the literal reader's memo of groups (`PatternReadingMemos`). One per batch of patterns read
/// together, on one thread.
final class LiteralFormulaCache {
    var required: [Bool: [ByteString: LiteralFormula]] = [:]
    var groups: [Bool: [ByteString: LiteralFormula]] = [:]
    let literalGroups: PatternLiteralParser.Memo

    init(literalGroups: PatternLiteralParser.Memo = PatternLiteralParser.Memo()) {
        self.literalGroups = literalGroups
    }
}
