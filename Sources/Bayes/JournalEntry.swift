/// One learned message in the journal: its key, what it was learned as, when, how many tokens
/// it gave, and the tokenizer signature then (so forgetting can tell whether re-tokenizing the
/// message gives back exactly the same tokens).
public struct JournalEntry: Sendable, Hashable {
    public let key: MessageKey
    public let learnedAs: BayesClass
    public let learnedAt: Int64
    public let tokenCount: Int
    public let signature: Int64

    public init(key: MessageKey, learnedAs: BayesClass, learnedAt: Int64, tokenCount: Int, signature: Int64) {
        self.key = key
        self.learnedAs = learnedAs
        self.learnedAt = learnedAt
        self.tokenCount = tokenCount
        self.signature = signature
    }
}
