/// A place in `TokenSet.sequence` where the message's structure breaks the run of tokens. Kept
/// only with the token texts (`TokenizerOptions.keepTexts`), for `BayesBench tokens --ordered`,
/// whose dump lets scripts/bayes-tune.py try classifiers that read tokens in context.
public struct TokenBreak: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The header's tokens end here.
        case headerEnd
        /// A plain-text part's tokens start here.
        case textPart
        /// An HTML part's tokens start here (its rendered text has no line ends).
        case htmlPart
        /// A line of text ended before this token.
        case lineEnd
    }

    /// The index in `TokenSet.sequence` of the first token after the break.
    public let position: Int
    public let kind: Kind

    public init(position: Int, kind: Kind) {
        self.position = position
        self.kind = kind
    }
}
