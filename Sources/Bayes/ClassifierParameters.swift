/// The classifier's constants. The defaults were chosen by cross-validation on the training
/// split of the SpamAssassin corpus (scripts/bayes-tune.py), never on its test split.
public struct ClassifierParameters: Sendable, Hashable, Codable {
    /// Robinson's s: how strongly a rarely seen token is pulled towards `assumedProbability`.
    public var strength: Double
    /// Robinson's x: the probability assumed for a token with no history.
    public var assumedProbability: Double
    /// Tokens whose probability is closer than this to 0.5 are left out of the combination.
    public var minDeviation: Double
    /// At most this many of the most significant tokens are combined; 0 means all of them.
    public var maxTokens: Int
    /// Secondary tokens (word pairs and case-kept words, see `TokenSet.secondary`) are left out
    /// until they have been seen in at least this many learned messages. Cross-validation on
    /// the training split: 3 (with minDeviation 0.445) gives FP 7, FN 23, ROC 0.999824 against
    /// FP 7, FN 24, ROC 0.999803 without it (1, minDeviation 0.44).
    public var minSecondaryCount: Int
    /// A message whose tokens give both of Fisher's tails below this (strong evidence both
    /// ways) is decided by its header's and its body's tokens apart (see `ConflictBand`); 0 turns
    /// that off.
    /// Cross-validation on the training split, seeds 0–3: 1e-4 gives FP 33, FN 68 against FP 40,
    /// FN 89 without it, and a higher ROC area on every cut (seeds 4–7 alike).
    public var conflictTail: Double
    /// At most this many significant tokens of one header field's words (`H:NAME:` and
    /// `hn:NAME`, see `TokenSet.headerFields`), the strongest, are combined; 0 means all. Server
    /// boilerplate such as cPanel's X-AntiAbuse lines gives some 25 tokens that always come
    /// together. Cross-validation on the training split, eight cuts: 3 gives FP 63, FN 131
    /// against FP 64, FN 135 without a cap (scripts/bayes-tune.py --field-cap 3).
    public var maxTokensPerField: Int
    /// The classifier does not vote until this many spam and this many ham have been learned.
    public var minSpam: Int
    public var minHam: Int

    public init(strength: Double = 0.03, assumedProbability: Double = 0.5, minDeviation: Double = 0.445,
                maxTokens: Int = 0, minSpam: Int = 200, minHam: Int = 200, minSecondaryCount: Int = 3,
                conflictTail: Double = 1e-4, maxTokensPerField: Int = 3) {
        self.strength = strength
        self.assumedProbability = assumedProbability
        self.minDeviation = minDeviation
        self.maxTokens = maxTokens
        self.minSecondaryCount = minSecondaryCount
        self.conflictTail = conflictTail
        self.maxTokensPerField = maxTokensPerField
        self.minSpam = minSpam
        self.minHam = minHam
    }
}
