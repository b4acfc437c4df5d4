/// A change to one token's counts, summed over the messages of a learning batch.
public struct TokenDelta: Sendable, Hashable {
    public var spam: Int
    public var ham: Int

    public init(spam: Int = 0, ham: Int = 0) {
        self.spam = spam
        self.ham = ham
    }

    public var isZero: Bool { spam == 0 && ham == 0 }
    /// Only additions: a store may insert the token if it is missing.
    public var isAddition: Bool { spam >= 0 && ham >= 0 }
}
