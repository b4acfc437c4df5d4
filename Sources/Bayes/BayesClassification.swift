/// The classifier's answer for one message.
public struct BayesClassification: Sendable {
    /// The spam probability 0…1, or nil when the classifier does not vote (too little learned).
    public let probability: Double?
    /// The tokens that decided it, strongest first.
    public let evidence: [TokenEvidence]
    /// Tokens of the message the store knew.
    public let knownTokens: Int
    /// Tokens of the message.
    public let totalTokens: Int
    /// Why there is no vote, when there is none.
    public let abstention: String?

    public init(probability: Double?, evidence: [TokenEvidence], knownTokens: Int, totalTokens: Int, abstention: String? = nil) {
        self.probability = probability
        self.evidence = evidence
        self.knownTokens = knownTokens
        self.totalTokens = totalTokens
        self.abstention = abstention
    }

    /// SpamAssassin's band for the probability (BAYES_00 … BAYES_99), nil when not voting.
    public var band: BayesBand? { probability.map(BayesBand.init(probability:)) }
}
