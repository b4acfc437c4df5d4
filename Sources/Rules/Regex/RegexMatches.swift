/// Every non-overlapping match of a search that repeats (Perl's `/g` loop), up to a maximum.
public struct RegexMatches: Sendable, Hashable {
    public var ranges: [Range<Int>]
    /// Set when a limit stopped the loop; the ranges found before it are kept.
    public var limitHit: RegexLimitKind?

    public init(ranges: [Range<Int>] = [], limitHit: RegexLimitKind? = nil) {
        self.ranges = ranges
        self.limitHit = limitHit
    }

    public var count: Int { ranges.count }
}
