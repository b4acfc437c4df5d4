/// What the tokenizer makes of a message. The defaults are the values chosen by
/// cross-validation on the training split of the SpamAssassin corpus (scripts/bayes-tune.py).
public struct TokenizerOptions: Sendable, Hashable {
    /// Body words shorter than this (in characters) are dropped; non-Latin words need one less.
    public var minWordLength: Int
    /// Longer words become a `skip:` token (first character's class and length bucket).
    public var maxWordLength: Int
    /// Adjacent word pairs as extra `b:` tokens.
    public var wordPairs: Bool
    /// An extra `C:` token keeping the case of words written in capitals ("FREE").
    public var capitalsTokens: Bool
    /// Bytes of body text tokenized per message; the rest is not read.
    public var maxTextBytes: Int
    /// Tokens made from one message at most (before duplicates are removed).
    public var maxTokens: Int
    /// Keep each token's text beside its hash, for explanations (slower).
    public var keepTexts: Bool

    public init(
        minWordLength: Int = 3, maxWordLength: Int = 24, wordPairs: Bool = true, capitalsTokens: Bool = true,
        maxTextBytes: Int = 256 * 1024, maxTokens: Int = 50_000, keepTexts: Bool = false
    ) {
        self.minWordLength = minWordLength
        self.maxWordLength = maxWordLength
        self.wordPairs = wordPairs
        self.capitalsTokens = capitalsTokens
        self.maxTextBytes = maxTextBytes
        self.maxTokens = maxTokens
        self.keepTexts = keepTexts
    }

    /// Bumped whenever the tokenizer changes what it makes of a message, so the journal can
    /// tell whether forgetting a message re-creates exactly the tokens that were learned.
    public static let tokenizerVersion = 3

    /// The tokenizer version and every option that changes the tokens, as one number.
    public var signature: Int64 {
        var hasher = TokenHasher()
        hasher.combine("v\(Self.tokenizerVersion) min\(minWordLength) max\(maxWordLength) pairs\(wordPairs) caps\(capitalsTokens) text\(maxTextBytes) tokens\(maxTokens)")
        return Int64(bitPattern: hasher.finish() >> 1)
    }
}
