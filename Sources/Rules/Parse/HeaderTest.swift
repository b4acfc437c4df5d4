/// A regex test on header text: `header NAME From:addr =~ /re/ [if-unset: text]`.
public struct HeaderTest: Sendable, Hashable {
    public let header: HeaderSelector
    /// `!~`: the rule hits when the pattern does not match.
    public let isNegated: Bool
    public let pattern: RegexPattern
    /// Text to test when the header is absent. Without it SpamAssassin tests the empty string,
    /// so a negated test of an absent header usually hits. Several headers of one name are
    /// tested as one text joined by newlines.
    public let ifUnset: String?

    public init(header: HeaderSelector, isNegated: Bool, pattern: RegexPattern, ifUnset: String?) {
        self.header = header
        self.isNegated = isNegated
        self.pattern = pattern
        self.ifUnset = ifUnset
    }
}
