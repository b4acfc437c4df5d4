/// The result of one search: a match (byte range in the text), no match, or a limit hit — in
/// which case nothing is known and the rule counts as not matched.
public enum RegexOutcome: Sendable, Hashable {
    case match(Range<Int>)
    case noMatch
    case limitHit(RegexLimitKind)

    public var range: Range<Int>? {
        if case .match(let range) = self { return range }
        return nil
    }

    public var isMatch: Bool { range != nil }
}
