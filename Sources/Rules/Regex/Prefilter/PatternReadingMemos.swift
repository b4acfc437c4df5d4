/// The memos of one batch of patterns read together on one thread (a `LiteralPrefilter`'s): the
/// groups the literal and gate readers read, and the literal formulas' pieces (`LiteralFormulaCache`
/// is for one thread).
final class PatternReadingMemos {
    let literalGroups = PatternLiteralParser.Memo()
    let gateGroups = PatternGateParser.Memo()
    let formulas: LiteralFormulaCache

    init() {
        formulas = LiteralFormulaCache(literalGroups: literalGroups)
    }
}
