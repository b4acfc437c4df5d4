/// One message to learn or forget, already tokenized.
public struct LearnRequest: Sendable {
    public enum Action: Sendable, Hashable {
        case learn(BayesClass)
        case forget
    }

    public let key: MessageKey
    public let tokens: TokenSet
    public let action: Action

    public init(key: MessageKey, tokens: TokenSet, action: Action) {
        self.key = key
        self.tokens = tokens
        self.action = action
    }
}
