/// How many messages of each class the store has learned, and how many tokens it holds.
public struct BayesTotals: Sendable, Hashable {
    public var spam: Int
    public var ham: Int
    public var tokens: Int

    public init(spam: Int = 0, ham: Int = 0, tokens: Int = 0) {
        self.spam = spam
        self.ham = ham
        self.tokens = tokens
    }
}
