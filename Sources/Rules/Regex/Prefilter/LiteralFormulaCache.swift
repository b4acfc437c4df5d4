/// What `LiteralFormulaExtractor` read of pieces of patterns, by the pieces' text and whether it
/// read for plain text only: the required literals of stretches and the formulas of groups. One
/// per batch of patterns read together, on one thread.
final class LiteralFormulaCache {
    var required: [Bool: [[UInt8]: LiteralFormula]] = [:]
    var groups: [Bool: [[UInt8]: LiteralFormula]] = [:]
}
