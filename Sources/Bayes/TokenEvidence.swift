/// One token that took part in a decision: its counts, its probability f(w), and its text
/// when the tokenizer kept texts.
public struct TokenEvidence: Sendable, Hashable {
    public let hash: UInt64
    public let text: String?
    public let spam: Int
    public let ham: Int
    public let probability: Double

    public init(hash: UInt64, text: String?, spam: Int, ham: Int, probability: Double) {
        self.hash = hash
        self.text = text
        self.spam = spam
        self.ham = ham
        self.probability = probability
    }
}
