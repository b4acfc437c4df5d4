/// The groups the literal and gate readers read and the projections projected, shared by every
/// prefilter, header plan, start guard and projection of one rule set as it is built, on any
/// thread.
final class PatternReadingMemos: Sendable {
    let literalGroups = PatternLiteralParser.Memo()
    let gateGroups = PatternGateParser.Memo()
    let projectedGroups = PatternProjection.Memo()
}
