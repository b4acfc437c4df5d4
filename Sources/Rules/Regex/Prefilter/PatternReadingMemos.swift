/// The groups the literal and gate readers read, shared by every prefilter, header plan and
/// start guard of one rule set as it is built, on any thread.
final class PatternReadingMemos: Sendable {
    let literalGroups = PatternLiteralParser.Memo()
    let gateGroups = PatternGateParser.Memo()
}
